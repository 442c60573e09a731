# Runs `sdv-lite check` for sdv_lite_check() (SdvLite.cmake), as
#   cmake -DSDV_LITE=... -DINPUTS=a.bc|b.bc [-DMAP=...] [-DFORMAT=... -DOUTPUT=...]
#         [-DBASELINE=...] -DSTAMP=... -P SdvLiteRun.cmake
# and fails (non-zero exit) when the driver has a defect that is not in the
# baseline, or when the check cannot run or stops at a budget. Touches STAMP
# on success, so that an unchanged driver is not checked again.
cmake_minimum_required(VERSION 3.20)

string(REPLACE "|" ";" inputs "${INPUTS}")
set(options "")
if(MAP)
  list(APPEND options --map "${MAP}")
endif()

if(FORMAT AND NOT FORMAT STREQUAL "text")
  execute_process(
    COMMAND "${SDV_LITE}" check ${options} --format "${FORMAT}" -o "${OUTPUT}" ${inputs}
    RESULT_VARIABLE rc)
  if(NOT rc MATCHES "^[01]$")
    message(FATAL_ERROR "sdv-lite: writing the ${FORMAT} report failed (exit status ${rc})")
  endif()
endif()

execute_process(COMMAND "${SDV_LITE}" check ${options} ${inputs}
  RESULT_VARIABLE rc OUTPUT_VARIABLE report)
message(NOTICE "${report}")
if(FORMAT STREQUAL "text")
  file(WRITE "${OUTPUT}" "${report}")
endif()
if(rc EQUAL 2)
  message(FATAL_ERROR "sdv-lite: the check could not run (exit status 2)")
elseif(rc EQUAL 3)
  message(FATAL_ERROR "sdv-lite: the analysis stopped at a budget (exit status 3)")
elseif(NOT rc MATCHES "^[01]$")
  message(FATAL_ERROR "sdv-lite: exit status ${rc}")
endif()

# The messages of a report's `error:` lines, as a list. Brackets and
# semicolons, which CMake lists treat specially, are swapped for control
# characters while they are list elements.
string(ASCII 1 open_bracket)
string(ASCII 2 close_bracket)
string(ASCII 3 semicolon)
function(defect_messages text out)
  string(REPLACE ";" "${semicolon}" text "${text}")
  string(REPLACE "[" "${open_bracket}" text "${text}")
  string(REPLACE "]" "${close_bracket}" text "${text}")
  string(REGEX MATCHALL "error: [^\n]*" lines "${text}")
  set(messages "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^error: " "" line "${line}")
    string(STRIP "${line}" line)
    list(APPEND messages "${line}")
  endforeach()
  set(${out} "${messages}" PARENT_SCOPE)
endfunction()

if(rc EQUAL 1)
  if(NOT BASELINE)
    message(FATAL_ERROR "sdv-lite: the driver has defects (exit status 1)")
  endif()
  if(NOT EXISTS "${BASELINE}")
    message(FATAL_ERROR "sdv-lite: cannot read the baseline '${BASELINE}'")
  endif()
  file(READ "${BASELINE}" accepted_text)
  defect_messages("${accepted_text}" accepted)
  defect_messages("${report}" found)
  set(new "")
  foreach(message IN LISTS found)
    if(NOT message IN_LIST accepted)
      string(REPLACE "${open_bracket}" "[" message "${message}")
      string(REPLACE "${close_bracket}" "]" message "${message}")
      string(REPLACE "${semicolon}" ";" message "${message}")
      string(APPEND new "  ${message}\n")
    endif()
  endforeach()
  if(new)
    message(FATAL_ERROR "sdv-lite: defects not in the baseline '${BASELINE}':\n${new}")
  endif()
  list(LENGTH found count)
  message(NOTICE "sdv-lite: ${count} defect(s), all in the baseline '${BASELINE}'")
endif()
file(TOUCH "${STAMP}")
