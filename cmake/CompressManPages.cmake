# CPack pre-build script (cmake/Packaging.cmake): Debian packages carry man pages gzipped (policy 12.1),
# while `cmake --install` leaves them plain. Runs on CPack's staging copy, never on the build.
file(GLOB_RECURSE pages "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/share/man/man*/*.[1-9]")
if(NOT pages)
    message(FATAL_ERROR "CompressManPages: no man page under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
foreach(page IN LISTS pages)
    # -n: no name or time stamp in the header, so the package is the same from the same sources.
    execute_process(COMMAND gzip -9nf ${page} RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "CompressManPages: gzip ${page} failed (${result})")
    endif()
endforeach()
