#pragma once
/// The table of configuration keys: every key the TOML file and the environment may set, with
/// its parser. Internal to the config library.

#include "config/settings.hpp"
#include "runtime/error.hpp"

#include <functional>
#include <string>
#include <vector>

namespace askpro::config::detail {

/// A raw value as read from TOML or the environment.
struct raw_value {
  enum class kind { string, integer, boolean, floating, list } type = kind::string;
  std::string text;
  std::vector<std::string> items;  ///< a list's strings
  long long integer = 0;
  double floating = 0;
  bool boolean = false;
};

struct key_def {
  std::string section;
  std::string key;
  /// Applies `v` to `s`; returns the problem text on failure.
  std::function<std::string(settings& s, const raw_value& v)> apply;
};

const std::vector<key_def>& key_table();

/// Finds a key; nullptr when unknown.
const key_def* find_key(const std::string& section, const std::string& key);

/// True when `section` is one of ours.
bool known_section(const std::string& section);

}  // namespace askpro::config::detail
