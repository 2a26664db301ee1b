// The sandboxed Lua engine: results as JSON, print captured, the sandbox's refusals, the
// instruction budget (also when the script catches the error) and the memory cap, each leaving
// the engine usable.
#include "runtime/lua/lua_engine.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::runtime::lua;
using json = nlohmann::json;

namespace {

json result(lua_engine& e, const std::string& code) {
  auto out = e.run(code);
  INFO(code << " -> " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.result_json);
}

std::string failure(lua_engine& e, const std::string& code) {
  auto out = e.run(code);
  INFO(code << " -> " << out.result_json);
  REQUIRE_FALSE(out.ok);
  return out.error;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("lua results become JSON and print is captured", "[lua]") {
  lua_engine e;
  CHECK(result(e, "return 1 + 2") == 3);
  CHECK(result(e, "return 'a', true, nil") == json::array({"a", true, nullptr}));
  CHECK(result(e, "return {1, 2, {x = 1.5}}") == json::parse(R"([1,2,{"x":1.5}])"));
  CHECK(result(e, "return {}") == json::object());
  CHECK(result(e, "local x = 1") == nullptr);
  auto out = e.run("print('hello', 42) print({} ~= nil)");
  REQUIRE(out.ok);
  CHECK(out.output == "hello\t42\ntrue\n");
  CHECK(result(e, "return string.format('%d-%s', 7, utf8.char(228))") == "7-ä");
  CHECK(result(e, "local co = coroutine.wrap(function() coroutine.yield(5) end) return co()") == 5);
}

TEST_CASE("the sandbox has no io, os, package, debug, require or bytecode", "[lua]") {
  lua_engine e;
  CHECK(contains(failure(e, "os.execute('true')"), "global 'os'"));
  CHECK(contains(failure(e, "io.open('/etc/passwd')"), "global 'io'"));
  CHECK(contains(failure(e, "require('os')"), "global 'require'"));
  CHECK(contains(failure(e, "debug.getinfo(1)"), "global 'debug'"));
  CHECK(contains(failure(e, "return package.loaded"), "global 'package'"));
  CHECK(contains(failure(e, "dofile('/etc/passwd')"), "global 'dofile'"));
  CHECK(contains(failure(e, "loadfile('/etc/passwd')"), "global 'loadfile'"));
  CHECK(contains(failure(e, "return string.dump(print)"), "field 'dump'"));
  // load works on text, refuses binary chunks even when asked for them.
  CHECK(result(e, "return load('return 6 * 7')()") == 42);
  auto refused = result(e, "local f, err = load('\\27Lua', 'x', 'b') return err");
  CHECK(contains(refused.get<std::string>(), "attempt to load a binary chunk"));
  CHECK(e.run("\x1bLua").ok == false);  // the engine itself takes text only
}

TEST_CASE("a runaway loop is stopped, also when it catches the error", "[lua]") {
  lua_engine e{lua_limits{2'000'000, 64 * 1024 * 1024}};
  CHECK(contains(failure(e, "while true do end"), "instruction budget"));
  CHECK(contains(failure(e, "while true do pcall(function() while true do end end) end"),
                 "instruction budget"));
  CHECK(contains(failure(e, "local ok repeat ok = pcall(error, 'x') until false"),
                 "instruction budget"));
  CHECK(result(e, "return 'still here'") == "still here");  // a new run, a new budget
}

TEST_CASE("a memory bomb is stopped by the cap", "[lua]") {
  lua_engine e{lua_limits{500'000'000, 8 * 1024 * 1024}};
  CHECK(contains(failure(e, "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1024) .. i end"),
                 "not enough memory"));
  CHECK(contains(failure(e, "local s = 'x' while true do s = s .. s end"), "not enough memory"));
  CHECK(result(e, "collectgarbage() return #string.rep('y', 1000)") == 1000);
}

TEST_CASE("the REPL can tell an incomplete chunk from a wrong one", "[lua]") {
  lua_engine e;
  CHECK(e.incomplete("for i = 1, 3 do"));
  CHECK(e.incomplete("local t = {"));
  CHECK_FALSE(e.incomplete("return 1"));
  CHECK_FALSE(e.incomplete("return )"));
}
