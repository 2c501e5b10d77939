# embed_files(TARGET DIR): a static library holding every file under DIR as bytes, looked up
# at run time by its path relative to DIR through embedded_file() (src/io/embedded.hpp).
function(embed_files target dir)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE ${dir} ${dir}/*)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}.cpp)
  set(inputs)
  foreach(f ${files})
    list(APPEND inputs ${dir}/${f})
  endforeach()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUT=${out} -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedFilesScript.cmake
    DEPENDS ${inputs} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedFilesScript.cmake
    COMMENT "Embedding ${dir}")
  add_library(${target} STATIC ${out})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
endfunction()
