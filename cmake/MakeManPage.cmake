# Makes switchboard.1 from `switchboard --help` and `--version` (run by resources/CMakeLists.txt as
# `cmake -P`). Needs BINARY, OUTPUT and WORK_DIR.
#
# Not help2man: it guesses a two-column layout and runs together the usage lines whose command and text are
# one space apart. The help is laid out by hand in aligned columns, so the page keeps it as it is
# (preformatted), under NAME, SYNOPSIS, DESCRIPTION and one subsection per option group.
#
# --help prints the default config and database paths, under the home directory of whoever runs it: the
# page is made with a stand-in home (and no XDG_* overrides) whose path then becomes "~", so the page says
# ~/.config/switchboard/switchboard.yaml rather than the build machine's home.
set(stand_in_home ${WORK_DIR}/home)
file(MAKE_DIRECTORY ${stand_in_home})
foreach(flag help version)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env
                --unset=XDG_CONFIG_HOME --unset=XDG_DATA_HOME --unset=XDG_CONFIG_DIRS --unset=XDG_DATA_DIRS
                HOME=${stand_in_home} LC_ALL=C.UTF-8 LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
                ${BINARY} --${flag}
        RESULT_VARIABLE result
        OUTPUT_VARIABLE ${flag}
        ERROR_VARIABLE errors)
    if(NOT result EQUAL 0 OR "${${flag}}" STREQUAL "")
        message(FATAL_ERROR "${BINARY} --${flag} failed (${result}): ${errors}")
    endif()
endforeach()
string(REPLACE "${stand_in_home}" "~" help "${help}")
string(STRIP "${version}" version)
if(NOT help MATCHES "^Usage: ")
    message(FATAL_ERROR "switchboard --help does not start with 'Usage: '")
endif()

# roff: a backslash is \e, a minus is \-, and a line must not start with a control character.
string(REPLACE "\\" "\\e" help "${help}")
string(REPLACE "-" "\\-" help "${help}")
string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")

# The usage block (up to the first blank line) without "Usage: ", then the description paragraph, then the
# option groups.
string(FIND "${help}" "\n\n" usage_end)
math(EXPR usage_length "${usage_end} - 7")
string(SUBSTRING "${help}" 7 ${usage_length} usage)
string(REGEX REPLACE "\n       " "\n" usage "${usage}")
math(EXPR rest_begin "${usage_end} + 2")
string(SUBSTRING "${help}" ${rest_begin} -1 rest)
string(FIND "${rest}" "\n\n" description_end)
string(SUBSTRING "${rest}" 0 ${description_end} description)
math(EXPR groups_begin "${description_end} + 2")
string(SUBSTRING "${rest}" ${groups_begin} -1 groups)
string(STRIP "${groups}" groups)
# A line that starts at the margin and ends with a colon heads a group ("plan options:").
string(REGEX REPLACE "\n*\n([A-Za-z][^\n]*):\n" "\n.fi\n.SS \"\\1\"\n.nf\n" groups "\n${groups}")
string(REGEX REPLACE "^\n.fi\n" "" groups "${groups}")

string(TIMESTAMP date "%Y-%m-%d" UTC) # honours SOURCE_DATE_EPOCH
string(REPLACE "switchboard " "" version_number "${version}")
file(WRITE ${OUTPUT}
".\\\" Made by cmake/MakeManPage.cmake from `switchboard --help`; edit the help text, not this file.
.TH SWITCHBOARD 1 \"${date}\" \"Switchboard ${version_number}\" \"User Commands\"
.SH NAME
switchboard \\- run many AI agents in parallel and supervise them
.SH SYNOPSIS
.nf
${usage}
.fi
.SH DESCRIPTION
${description}
.PP
Without a command, switchboard opens the dashboard; with one, it runs headless.
.SH OPTIONS
${groups}
.fi
")
