#include "runtime/app/shell/shell_repl.hpp"

#include "runtime/app/shell/rt_module.hpp"

#include <editline/readline.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <vector>

namespace askpro::app {
namespace {

using runtime::lua::lua_engine;

const std::vector<std::string>& completions() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, line] : rt_names()) out.push_back(name);
    for (const char* g : {"print", "pairs", "ipairs", "tostring", "tonumber", "type", "pcall",
                          "string.", "table.", "math.", "utf8.", "coroutine.", "rt."})
      out.emplace_back(g);
    return out;
  }();
  return names;
}

char* next_completion(const char* text, int state) {
  static std::size_t index = 0;
  if (state == 0) index = 0;
  const std::size_t len = std::strlen(text);
  const auto& names = completions();
  while (index < names.size()) {
    const auto& name = names[index++];
    if (name.compare(0, len, text) == 0) return strdup(name.c_str());
  }
  return nullptr;
}

char** complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // no file names
  return rl_completion_matches(text, next_completion);
}

/// The chunk to run for what was typed: an expression's value when it is one.
std::string runnable(lua_engine& syntax, const std::string& typed) {
  const auto as_value = "return " + typed;
  return syntax.check(as_value) == lua_engine::chunk_state::complete ? as_value : typed;
}

}  // namespace

bool print_outcome(const runtime::lua::lua_outcome& out) {
  std::cout << out.output;
  if (!out.ok) {
    std::cout << std::flush;
    std::cerr << out.error << "\n";
    return false;
  }
  if (out.result_json != "null") std::cout << out.result_json << "\n";
  std::cout << std::flush;
  return true;
}

int run_repl(lua_engine& syntax, const chunk_runner& run, const std::string& history_file) {
  rl_readline_name = "askpro";
  rl_attempted_completion_function = complete;
  using_history();
  read_history(history_file.c_str());
  std::cout << "askpro shell (Lua 5.4) - help() lists the rt module; Ctrl-D ends\n";
  std::string chunk;
  while (char* line = readline(chunk.empty() ? "askpro> " : "   ...> ")) {
    const std::string typed = line;
    std::free(line);
    chunk += (chunk.empty() ? "" : "\n") + typed;
    if (chunk.find_first_not_of(" \t") == std::string::npos) {
      chunk.clear();
      continue;
    }
    if (syntax.check(runnable(syntax, chunk)) == lua_engine::chunk_state::incomplete) continue;
    add_history(chunk.c_str());
    write_history(history_file.c_str());
    print_outcome(run(runnable(syntax, chunk), "=stdin"));
    chunk.clear();
  }
  std::cout << "\n";
  return 0;
}

}  // namespace askpro::app
