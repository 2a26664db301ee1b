# Assembles one self-contained HTML page from a template whose lines `/* @inline FILE */` or
# `// @inline FILE` are replaced by FILE (relative to the template's directory): the sources stay
# split by concern, the page served has no external resources.
# Usage: cmake -DINPUT=<template.html> -DOUTPUT=<page.html> -P inline_page.cmake
get_filename_component(dir "${INPUT}" DIRECTORY)
file(STRINGS "${INPUT}" lines)
set(page "")
foreach(line IN LISTS lines)
  if(line MATCHES "^[ ]*(/\\*|//) @inline ([A-Za-z0-9_.-]+)( \\*/)?[ ]*$")
    file(READ "${dir}/${CMAKE_MATCH_2}" part)
    string(APPEND page "${part}")
  else()
    string(APPEND page "${line}\n")
  endif()
endforeach()
file(WRITE "${OUTPUT}.tmp" "${page}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
