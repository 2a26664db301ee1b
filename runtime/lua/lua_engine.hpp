#pragma once
/// A sandboxed Lua 5.4 state (Debian's C++ build of Lua, so C++ destructors run when Lua
/// raises) for the scripting shell (SPEC S13). Knows nothing of bookings: the `rt` module is
/// registered on top of it by the application.
///
/// Sandbox: only `base` (without dofile, loadfile; `load` takes text chunks only), `table`,
/// `string` (without string.dump), `math`, `utf8`, `coroutine`; no io, os, package, debug,
/// require. `print` writes into the run's output. Budgets: an instruction-count hook ends a chunk
/// past `limits.instructions`; once spent, every further hook raises again at once, so catching
/// the error (pcall in a loop) cannot escape it. An allocator cap ends allocations beyond
/// `limits.memory_bytes` with Lua's "not enough memory". Both end the chunk with a clear error
/// and leave the state (and the process) usable.
/// Thread-safety: one engine per thread at a time (a Lua state is single-threaded).
/// Ownership: owns the lua_State. Errors: reported in `lua_outcome`, never thrown.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct lua_State;

namespace askpro::runtime::lua {

struct lua_limits {
  uint64_t instructions = 500'000'000;          ///< per run (a few seconds of work)
  std::size_t memory_bytes = 64 * 1024 * 1024;  ///< live bytes of the whole state
};

struct lua_outcome {
  bool ok = false;
  std::string result_json = "null";  ///< the chunk's return values (one: itself; several: array)
  std::string output;                ///< what `print` wrote
  std::string error;                 ///< the Lua error message when !ok
};

class lua_engine {
 public:
  explicit lua_engine(lua_limits limits = {});
  ~lua_engine();
  lua_engine(const lua_engine&) = delete;
  lua_engine& operator=(const lua_engine&) = delete;

  /// The state, to register modules (bindings must not let C++ exceptions cross into Lua).
  lua_State* state();

  /// Runs a text chunk; `name` appears in error messages ("=stdin", "@script.lua").
  /// The instruction budget starts afresh for each run.
  lua_outcome run(const std::string& code, const std::string& name = "=chunk");

  enum class chunk_state { complete, incomplete, invalid };
  /// REPL support: whether `code` compiles, only lacks its end (more lines may complete it), or
  /// is wrong.
  chunk_state check(const std::string& code);
  bool incomplete(const std::string& code) { return check(code) == chunk_state::incomplete; }

  /// Where `print` goes while a run is in progress (default: the run's `output`).
  void on_print(std::function<void(const std::string&)> sink);

  struct impl;  ///< opaque; the state's extra space points at it

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace askpro::runtime::lua
