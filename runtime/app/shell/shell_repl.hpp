#pragma once
/// The shell's interactive prompt (libedit): history in a file, tab completion of `rt.` names and
/// globals, multi-line input while a chunk is incomplete, an expression's value printed (a line
/// is tried as `return <line>` first, as Lua's own prompt does). Ctrl-D ends it with 0.
/// Thread-safety: the main thread only (libedit keeps global state).

#include "runtime/lua/lua_engine.hpp"

#include <functional>
#include <string>

namespace askpro::app {

/// Runs one chunk somewhere (in-process engine or a server) and answers what happened.
/// `name` names the chunk in error messages ("=stdin", "@script.lua").
using chunk_runner =
    std::function<runtime::lua::lua_outcome(const std::string& code, const std::string& name)>;

/// Prints an outcome: output as it is, a non-null result as JSON, an error on stderr.
/// Returns true when the chunk ran.
bool print_outcome(const runtime::lua::lua_outcome& out);

/// The prompt loop; `syntax` is an engine used only to tell complete chunks from incomplete ones.
int run_repl(runtime::lua::lua_engine& syntax, const chunk_runner& run,
             const std::string& history_file);

}  // namespace askpro::app
