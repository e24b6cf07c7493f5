# SPDX-License-Identifier: MIT
# What `cmake --install BUILD [--prefix P]` puts where (GNUInstallDirs; docs/packaging.md):
# libwarmpath.so.0 and the command line (component Runtime); libwarmpath.a, the .so link, the
# headers, warmpath.pc and the CMake package warmpath::warmpath (component Development); the
# man pages made from the command line's --help (component Runtime). Included from the
# top-level CMakeLists.txt once the targets exist.
include(CMakePackageConfigHelpers)
set(WP_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/warmpath)

# The installed command line finds the library beside it (bin/../lib), unless the library goes
# where the loader looks anyway (a distribution's /usr/lib/<triplet>), where no RPATH belongs.
list(FIND CMAKE_C_IMPLICIT_LINK_DIRECTORIES "${CMAKE_INSTALL_FULL_LIBDIR}" wp_libdir_is_system)
if(wp_libdir_is_system EQUAL -1)
    file(RELATIVE_PATH wp_bin_to_lib ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR})
    set_target_properties(warmpath-cli PROPERTIES INSTALL_RPATH "$ORIGIN/${wp_bin_to_lib}")
endif()

install(TARGETS warmpath EXPORT warmpathTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Runtime
                NAMELINK_COMPONENT Development)
install(TARGETS warmpath-static ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
install(TARGETS warmpath-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)

# Every public header, the one CMake makes (version.h) included.
file(GLOB WP_PUBLIC_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/warmpath/*.h)
list(APPEND WP_PUBLIC_HEADERS ${PROJECT_BINARY_DIR}/include/warmpath/version.h)
install(FILES ${WP_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/warmpath
        COMPONENT Development)

# warmpath.pc names its prefix, which `cmake --install --prefix P` only tells at install time:
# the file is made in two steps, everything else now, the directories when installing.
string(REPLACE ">=" " >= " WP_PC_REQUIRES "${WP_PUBLIC_MODULES}")
string(REPLACE ";" ", " WP_PC_REQUIRES "${WP_PC_REQUIRES}")
string(REPLACE ">=" " >= " WP_PC_REQUIRES_PRIVATE "${WP_PRIVATE_MODULES}")
string(REPLACE ";" ", " WP_PC_REQUIRES_PRIVATE "${WP_PC_REQUIRES_PRIVATE}")
set(WP_PC_LIBS_PRIVATE "")
foreach(lib ${WP_PRIVATE_LIBS})
    if(IS_ABSOLUTE "${lib}")
        get_filename_component(lib "${lib}" NAME_WE)
        string(REGEX REPLACE "^lib" "" lib "${lib}")
    endif()
    string(APPEND WP_PC_LIBS_PRIVATE " -l${lib}")
endforeach()
string(STRIP "${WP_PC_LIBS_PRIVATE}" WP_PC_LIBS_PRIVATE)
foreach(var WP_PC_PREFIX WP_PC_LIBDIR WP_PC_INCLUDEDIR)
    set(${var} "@${var}@") # kept for the second step
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/warmpath.pc.in ${PROJECT_BINARY_DIR}/warmpath.pc.in @ONLY)
foreach(dir LIBDIR INCLUDEDIR)
    if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
        set(wp_pc_${dir} "${CMAKE_INSTALL_${dir}}")
    else()
        set(wp_pc_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
    endif()
endforeach()
install(CODE "
    set(WP_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
    set(WP_PC_LIBDIR [[${wp_pc_LIBDIR}]])
    set(WP_PC_INCLUDEDIR [[${wp_pc_INCLUDEDIR}]])
    configure_file(\"${PROJECT_BINARY_DIR}/warmpath.pc.in\" \"${PROJECT_BINARY_DIR}/warmpath.pc\"
                   @ONLY)
" COMPONENT Development)
install(FILES ${PROJECT_BINARY_DIR}/warmpath.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT Development)

# The CMake package: relocatable (paths relative to the installed config file).
string(REPLACE ";" " " WP_PUBLIC_MODULES_TEXT "${WP_PUBLIC_MODULES}")
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/warmpathConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/warmpathConfig.cmake
                              INSTALL_DESTINATION ${WP_CMAKE_PACKAGE_DIR})
# While the major version is 0 a minor release may break the API (docs/packaging.md).
if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(wp_compatibility SameMinorVersion)
else()
    set(wp_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/warmpathConfigVersion.cmake
                                 COMPATIBILITY ${wp_compatibility})
install(EXPORT warmpathTargets NAMESPACE warmpath:: DESTINATION ${WP_CMAKE_PACKAGE_DIR}
        COMPONENT Development)
install(FILES ${PROJECT_BINARY_DIR}/warmpathConfig.cmake
              ${PROJECT_BINARY_DIR}/warmpathConfigVersion.cmake
        DESTINATION ${WP_CMAKE_PACKAGE_DIR} COMPONENT Development)

# Man pages: warmpath(1) and one per command, made from the command line's --help by help2man
# (tools/package/man.sh), so they say what the program says.
option(WP_MAN_PAGES "Make man pages from --help with help2man" ON)
find_program(HELP2MAN help2man)
if(WP_MAN_PAGES AND NOT HELP2MAN)
    message(STATUS "help2man not found: no man pages (tools/setup.sh installs it)")
elseif(WP_MAN_PAGES)
    set(WP_MAN_DIR ${PROJECT_BINARY_DIR}/man)
    add_custom_command(
        OUTPUT ${WP_MAN_DIR}/warmpath.1
        COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/man.sh $<TARGET_FILE:warmpath-cli> ${WP_MAN_DIR}
                ${CMAKE_CURRENT_LIST_DIR}/warmpath.h2m ${PROJECT_VERSION}
        DEPENDS warmpath-cli ${CMAKE_CURRENT_LIST_DIR}/man.sh
                ${CMAKE_CURRENT_LIST_DIR}/warmpath.h2m
        COMMENT "Making man pages from warmpath --help"
        VERBATIM)
    add_custom_target(man-pages ALL DEPENDS ${WP_MAN_DIR}/warmpath.1)
    install(DIRECTORY ${WP_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
            COMPONENT Runtime FILES_MATCHING PATTERN "*.1")
endif()
