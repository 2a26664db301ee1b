#pragma once
/// The one table of the functions an agent may call (SPEC S6): each function's canonical name,
/// what it does in words an LLM can act on, and its arguments (canonical names, JSON Schema
/// types, descriptions, which are required). The Retell functions resolve names through it
/// (functions.hpp: aliases and version suffixes on top), the call session dispatches its rows
/// (call_session.cpp), and the MCP server lists and calls them as tools (net/mcp) — never a
/// second copy of a name or an argument.
/// Thread-safety: immutable static data.

#include "actors/call/functions.hpp"

#include <string_view>
#include <vector>

namespace askpro::actors::call {

/// One argument under its canonical name (functions.hpp maps the aliases agents send).
struct function_arg {
  std::string_view name;
  std::string_view type;  ///< JSON Schema type: "string" or "boolean"
  std::string_view description;
  bool required = false;
};

struct function_spec {
  function_kind kind = function_kind::unknown;
  std::string_view name;  ///< canonical snake_case name
  std::string_view description;
  std::vector<function_arg> args;
  bool writes = false;  ///< changes data: holds, books, cancels, moves, asks for a callback
};

/// Every function, in the order agents are shown them.
const std::vector<function_spec>& function_specs();

/// The row of `kind`; nullptr for function_kind::unknown.
const function_spec* spec_of(function_kind kind);

}  // namespace askpro::actors::call
