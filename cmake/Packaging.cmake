# The Debian package (scripts/package runs `cpack` in a Release build): what `cmake --install` lays out,
# under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME switchboard)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "control panel for running many AI agents in parallel")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/CompressManPages.cmake)

# The project has no mailing address of its own yet: the maintainer is the one its commits are made by;
# a distributor sets their own (cmake -DSWITCHBOARD_PACKAGE_MAINTAINER="Name <mail>").
set(SWITCHBOARD_PACKAGE_MAINTAINER "Switchboard maintainers <maintainers@users.noreply.b-seed-d78ba263.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SWITCHBOARD_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The extended description; CPack puts the summary above it and formats it for the control file.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Switchboard hands goals (from a form, a plan file, or an objective a model breaks
into a plan) to many AI agents at once: its own model agents (OpenAI-compatible
servers or Anthropic), command-line coding agents such as Claude Code, Codex,
Gemini CLI or Aider in their own git worktrees, or any program that speaks its
JSON-lines protocol. It keeps the dependencies between goals and limits on how
many run at once, shows every agent live on a board, collects their questions
in one inbox and lets you review and merge their changes. The same core runs
headless from the command line (switchboard run, plan, resume, status).")

# Libraries the binary links come from dpkg-shlibdeps (dpkg-dev). What it cannot see is named here: the
# SQLite driver is a Qt plugin loaded at run time (every run is recorded in SQLite), and git is what
# worktree isolation and review run. libqt6keychain1 loads libsecret at run time without depending on it: without
# it no API key could be kept in the keychain.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")

include(CPack)
