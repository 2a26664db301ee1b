#pragma once
/// Loads the configuration: defaults, then the TOML file (when given), then environment
/// overrides `ASKPRO_<SECTION>_<KEY>`, then validation. Thread-safety: pure functions.
/// Errors: errc::config with one line naming the key and the problem
/// (e.g. "http.listen: expected host:port, got 'nowhere'").

#include "config/settings.hpp"
#include "runtime/error.hpp"

#include <map>
#include <optional>
#include <string>

namespace askpro::config {

using env_map = std::map<std::string, std::string>;

/// The `ASKPRO_*` variables of this process.
env_map process_environment();

/// `file`: a TOML path or nullopt for defaults only.
[[nodiscard]] Result<settings> load(const std::optional<std::string>& file, const env_map& env);

/// Parses TOML text (for tests and `load`); `origin` names the source in errors.
[[nodiscard]] Result<settings> load_text(const std::string& toml_text, const env_map& env,
                                         const std::string& origin = "config");

/// Parses "host:port" (IPv4, hostname or [IPv6]); port 0 means "any free port".
[[nodiscard]] Result<listen_address> parse_listen(const std::string& text);

}  // namespace askpro::config
