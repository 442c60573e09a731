# Writes OUTPUT, a C++ fragment with one `{ "name", R"(text)" },` initializer
# per file in FILES (a ;-list), so that data files are built into the binary.
# Run as: cmake -DOUTPUT=... -DFILES=a|b|... -P EmbedFiles.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(content "// Generated from ${FILES}; do not edit.\n")
foreach(file IN LISTS FILES)
  file(READ "${file}" text)
  get_filename_component(name "${file}" NAME)
  string(FIND "${text}" ")sdv_embed\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter")
  endif()
  string(APPEND content "{\"${name}\", R\"sdv_embed(${text})sdv_embed\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
