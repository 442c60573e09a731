# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE). Without
# dpkg-shlibdeps, CPack would write a Debian package with no Depends at all,
# which installs and then cannot run: refuse instead.
if(CPACK_GENERATOR STREQUAL "DEB")
  find_program(SDV_DPKG_SHLIBDEPS dpkg-shlibdeps)
  if(NOT SDV_DPKG_SHLIBDEPS)
    message(FATAL_ERROR "cpack -G DEB needs dpkg-shlibdeps (Debian package "
                        "dpkg-dev; scripts/install-deps.sh installs it) to name "
                        "the package's dependencies")
  endif()
endif()
