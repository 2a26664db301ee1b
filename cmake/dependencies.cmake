# Every dependency comes from a Debian 12 package (installed by scripts/serve and scripts/test).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

# CAF 0.17.6 ships no CMake config.
find_library(CAF_CORE_LIB caf_core REQUIRED)
find_library(CAF_IO_LIB caf_io REQUIRED)
add_library(askpro_caf INTERFACE)
target_link_libraries(askpro_caf INTERFACE ${CAF_CORE_LIB} ${CAF_IO_LIB} Threads::Threads)

# cpp-httplib: Debian's compiled library (OpenSSL, zlib, brotli); flags via pkg-config.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

find_package(spdlog REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(date REQUIRED)
find_package(OpenSSL REQUIRED)
# libcurl (libcurl4-openssl-dev): the e-mail channel's SMTP client.
find_package(CURL REQUIRED)
find_package(Catch2 REQUIRED)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
# Lua 5.4 built as C++ (Debian liblua5.4-dev): a Lua error unwinds C++ frames with their destructors.
pkg_check_modules(LUA REQUIRED IMPORTED_TARGET lua5.4-c++)
# libedit: the shell's prompt (history, completion).
pkg_check_modules(LIBEDIT REQUIRED IMPORTED_TARGET libedit)

find_library(MYSQLCPPCONN_LIB mysqlcppconn REQUIRED)
find_path(MYSQLCPPCONN_INCLUDE cppconn/driver.h REQUIRED)
add_library(askpro_mysqlcppconn INTERFACE)
target_link_libraries(askpro_mysqlcppconn INTERFACE ${MYSQLCPPCONN_LIB})
target_include_directories(askpro_mysqlcppconn INTERFACE ${MYSQLCPPCONN_INCLUDE})

# askpro_embed_file(TARGET INPUT HEADER NAMESPACE FUNCTION): compiles INPUT into TARGET as the
# bytes behind `std::string_view NAMESPACE::FUNCTION()` (declared in HEADER), rebuilt on change.
function(askpro_embed_file target input header namespace function)
  get_filename_component(stem "${input}" NAME_WE)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DHEADER=${header}
            -DNAMESPACE=${namespace} -DFUNCTION=${function}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${stem}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
