// The Lua state with its budgets: an allocator that counts live bytes against a cap, and an
// instruction-count hook that raises once the run's budget is spent (and at once again after).
#include "runtime/lua/lua_engine.hpp"

#include "runtime/lua/lua_internal.hpp"
#include "runtime/lua/lua_json.hpp"

#include <cstdlib>
#include <cstring>

namespace askpro::runtime::lua {
namespace {

constexpr int hook_every = 1000;  ///< instructions between budget checks

}  // namespace

struct lua_engine::impl {
  lua_limits limits;
  std::size_t live = 0;  ///< bytes the state holds
  uint64_t used = 0;     ///< instructions of the current run
  bool spent = false;    ///< the budget ran out: every hook raises
  std::string output;
  std::function<void(const std::string&)> sink;
  lua_State* L = nullptr;
};

namespace {

void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
  auto* st = static_cast<lua_engine::impl*>(ud);
  const std::size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    st->live -= old;
    std::free(ptr);
    return nullptr;
  }
  if (nsize > old && st->live - old + nsize > st->limits.memory_bytes) return nullptr;
  void* out = std::realloc(ptr, nsize);
  if (out) st->live = st->live - old + nsize;
  return out;
}

void count_hook(lua_State* L, lua_Debug*) {
  auto& st = *static_cast<lua_engine::impl*>(*static_cast<void**>(lua_getextraspace(L)));
  st.used += st.spent ? 1 : hook_every;
  if (!st.spent && st.used <= st.limits.instructions) return;
  if (!st.spent) {
    st.spent = true;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);  // from now on: every instruction raises
  }
  luaL_error(L, "instruction budget of %I exhausted",
             static_cast<lua_Integer>(st.limits.instructions));
}

/// The values a chunk returned (stack from `base`), as JSON.
std::string results_json(lua_State* L, int base) {
  const int n = lua_gettop(L) - base;
  if (n == 0) return "null";
  if (n == 1) return to_json_text(L, base + 1);
  std::string out = "[";
  for (int i = 1; i <= n; ++i) out += (i > 1 ? "," : "") + to_json_text(L, base + i);
  return out + "]";
}

}  // namespace

lua_engine::lua_engine(lua_limits limits) : impl_(std::make_unique<impl>()) {
  impl_->limits = limits;
  impl_->L = lua_newstate(allocate, impl_.get());
  *static_cast<void**>(lua_getextraspace(impl_->L)) = impl_.get();
  detail::open_sandbox(impl_->L);
}

lua_engine::~lua_engine() {
  if (impl_->L) lua_close(impl_->L);
}

lua_State* lua_engine::state() {
  return impl_->L;
}

void lua_engine::on_print(std::function<void(const std::string&)> sink) {
  impl_->sink = std::move(sink);
}

lua_outcome lua_engine::run(const std::string& code, const std::string& name) {
  lua_State* L = impl_->L;
  impl_->used = 0;
  impl_->spent = false;
  impl_->output.clear();
  lua_sethook(L, count_hook, LUA_MASKCOUNT, hook_every);
  lua_outcome out;
  const int base = lua_gettop(L);
  int rc = luaL_loadbufferx(L, code.data(), code.size(), name.c_str(), "t");
  if (rc == LUA_OK) rc = lua_pcall(L, 0, LUA_MULTRET, 0);
  lua_sethook(L, nullptr, 0, 0);
  if (rc == LUA_OK) {
    out.ok = true;
    out.result_json = results_json(L, base);
  } else {
    const char* msg = lua_tostring(L, -1);
    out.error = msg ? msg : "error object is not a string";
  }
  lua_settop(L, base);
  out.output = std::move(impl_->output);
  return out;
}

lua_engine::chunk_state lua_engine::check(const std::string& code) {
  lua_State* L = impl_->L;
  const int rc = luaL_loadbufferx(L, code.data(), code.size(), "=stdin", "t");
  auto state = rc == LUA_OK ? chunk_state::complete : chunk_state::invalid;
  if (rc == LUA_ERRSYNTAX) {
    const char* msg = lua_tostring(L, -1);
    const std::string m = msg ? msg : "";
    if (m.size() >= 5 && m.compare(m.size() - 5, 5, "<eof>") == 0) state = chunk_state::incomplete;
  }
  lua_pop(L, 1);
  return state;
}

namespace detail {

void emit(lua_State* L, const std::string& line) {
  auto& st = *static_cast<lua_engine::impl*>(*static_cast<void**>(lua_getextraspace(L)));
  if (st.sink)
    st.sink(line);
  else
    st.output += line;
}

}  // namespace detail

}  // namespace askpro::runtime::lua
