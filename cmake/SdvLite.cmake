# SdvLite.cmake: check a Windows driver's spin-lock discipline with sdv-lite
# as a step of a CMake build.
#
#   sdv_lite_check(TARGET <target>
#                  [SOURCES <file>...]
#                  [MAP <sdv-map.h>]
#                  [FORMAT text|json|sarif] [OUTPUT <file>]
#                  [BASELINE <file>]
#                  [COMPILE_OPTIONS <option>...])
#
# compiles SOURCES (default: the C sources of <target>) to LLVM bitcode with
# clang (SDV_LITE_CLANG, flags SDV_LITE_CLANG_FLAGS), using the include
# directories and compile definitions of <target> (its INTERFACE_ ones when it
# is an interface library), then runs `sdv-lite check` on the bitcode as the
# target <target>_sdv, which is part of `all` and fails the build when the
# driver has a defect (or the check cannot run, or stops at a budget).
#
# MAP        a role map (sdv-map.h) passed as --map.
# FORMAT     with OUTPUT: also write the report in this format to OUTPUT
#            (e.g. SARIF for code scanning). The build log always shows the
#            text report.
# BASELINE   a file of accepted defects: a previous text report, or just its
#            `error:` lines. Defects whose message (the text after `error: `,
#            which names the rule, routine and lock but no line number) is in
#            it do not fail the build.
#
# Include this file, or find_package(sdv-lite) after installing sdv-lite.
# SDV_LITE_EXECUTABLE names the tool (default: sdv-lite on PATH).

include_guard(GLOBAL)

set(_SDV_LITE_RUNNER "${CMAKE_CURRENT_LIST_DIR}/SdvLiteRun.cmake")

if(NOT SDV_LITE_EXECUTABLE)
  find_program(SDV_LITE_EXECUTABLE NAMES sdv-lite DOC "the sdv-lite tool")
endif()
if(NOT SDV_LITE_CLANG)
  find_program(SDV_LITE_CLANG NAMES clang-16 clang
    HINTS /usr/lib/llvm-16/bin DOC "clang that emits bitcode sdv-lite reads (LLVM 16)")
endif()
set(SDV_LITE_CLANG_FLAGS
  --target=x86_64-pc-windows-msvc -fms-compatibility -fms-extensions
  -D_AMD64_ -g -gdwarf -gcolumn-info -O0
  CACHE STRING "clang flags for the driver's bitcode (x86: --target=i686-pc-windows-msvc -D_X86_)")

function(sdv_lite_check)
  cmake_parse_arguments(PARSE_ARGV 0 ARG ""
    "TARGET;MAP;FORMAT;OUTPUT;BASELINE" "SOURCES;COMPILE_OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "sdv_lite_check: unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_TARGET OR NOT TARGET "${ARG_TARGET}")
    message(FATAL_ERROR "sdv_lite_check: TARGET must name an existing target "
                        "(its include directories and definitions are used)")
  endif()
  if(NOT SDV_LITE_EXECUTABLE)
    message(FATAL_ERROR "sdv_lite_check: sdv-lite not found; set SDV_LITE_EXECUTABLE")
  endif()
  if(NOT SDV_LITE_CLANG)
    message(FATAL_ERROR "sdv_lite_check: clang-16 not found; set SDV_LITE_CLANG")
  endif()
  if(ARG_FORMAT AND NOT ARG_FORMAT MATCHES "^(text|json|sarif)$")
    message(FATAL_ERROR "sdv_lite_check: FORMAT must be text, json or sarif, not '${ARG_FORMAT}'")
  endif()
  if(ARG_OUTPUT AND NOT ARG_FORMAT)
    set(ARG_FORMAT text)
  endif()
  if(ARG_FORMAT AND NOT ARG_OUTPUT)
    set(ARG_OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}.sdv.${ARG_FORMAT}")
  endif()
  foreach(file_arg MAP OUTPUT BASELINE)
    if(ARG_${file_arg})
      get_filename_component(ARG_${file_arg} "${ARG_${file_arg}}" ABSOLUTE
        BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
  endforeach()

  set(target "${ARG_TARGET}")
  get_target_property(type "${target}" TYPE)
  set(usage "")
  if(type STREQUAL "INTERFACE_LIBRARY")
    set(usage "INTERFACE_")
  endif()
  if(NOT ARG_SOURCES)
    get_target_property(ARG_SOURCES "${target}" ${usage}SOURCES)
    list(FILTER ARG_SOURCES INCLUDE REGEX "\\.c$")
    if(NOT ARG_SOURCES)
      message(FATAL_ERROR "sdv_lite_check: no SOURCES given and '${target}' has no C sources")
    endif()
  endif()

  set(includes "$<TARGET_PROPERTY:${target},${usage}INCLUDE_DIRECTORIES>")
  set(defines "$<TARGET_PROPERTY:${target},${usage}COMPILE_DEFINITIONS>")
  set(bitcode_dir "${CMAKE_CURRENT_BINARY_DIR}/sdv-lite/${target}")
  set(bitcode "")
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(source "${source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    file(RELATIVE_PATH name "${CMAKE_CURRENT_SOURCE_DIR}" "${source}")
    string(REPLACE "../" "__/" name "${name}")
    set(bc "${bitcode_dir}/${name}.bc")
    get_filename_component(bc_dir "${bc}" DIRECTORY)
    add_custom_command(OUTPUT "${bc}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${bc_dir}"
      COMMAND "${SDV_LITE_CLANG}" ${SDV_LITE_CLANG_FLAGS}
        "$<$<BOOL:${includes}>:-I$<JOIN:${includes},;-I>>"
        "$<$<BOOL:${defines}>:-D$<JOIN:${defines},;-D>>"
        ${ARG_COMPILE_OPTIONS}
        -c -emit-llvm -MD -MF "${bc}.d" "${source}" -o "${bc}"
      DEPENDS "${source}"
      DEPFILE "${bc}.d"
      COMMENT "sdv-lite: compiling ${name} to bitcode"
      COMMAND_EXPAND_LISTS VERBATIM)
    list(APPEND bitcode "${bc}")
  endforeach()

  # The runner takes the inputs joined by '|': a CMake list would be split
  # into separate arguments on the way.
  string(REPLACE ";" "|" inputs "${bitcode}")
  set(stamp "${bitcode_dir}/check.stamp")
  set(byproducts "")
  if(ARG_OUTPUT)
    set(byproducts BYPRODUCTS "${ARG_OUTPUT}")
  endif()
  add_custom_command(OUTPUT "${stamp}" ${byproducts}
    COMMAND "${CMAKE_COMMAND}"
      "-DSDV_LITE=${SDV_LITE_EXECUTABLE}" "-DINPUTS=${inputs}" "-DMAP=${ARG_MAP}"
      "-DFORMAT=${ARG_FORMAT}" "-DOUTPUT=${ARG_OUTPUT}" "-DBASELINE=${ARG_BASELINE}"
      "-DSTAMP=${stamp}" -P "${_SDV_LITE_RUNNER}"
    DEPENDS ${bitcode} ${ARG_MAP} ${ARG_BASELINE} "${SDV_LITE_EXECUTABLE}" "${_SDV_LITE_RUNNER}"
    COMMENT "sdv-lite: checking ${target}"
    VERBATIM)
  add_custom_target(${target}_sdv ALL DEPENDS "${stamp}")
  if(NOT type STREQUAL "INTERFACE_LIBRARY")
    # A post-compile step: after the driver itself is built.
    add_dependencies(${target}_sdv ${target})
  endif()
endfunction()
