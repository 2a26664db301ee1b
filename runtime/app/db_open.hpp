#pragma once
/// The database of a one-shot command (billing check, audit verify), migrated to the current
/// schema. Prints the reason on stderr and yields nullptr when it cannot be opened or migrated.

#include "config/settings.hpp"
#include "persistence/connection.hpp"

#include <memory>

namespace askpro::app {

std::unique_ptr<persistence::connection> open_migrated(const config::settings& settings);

}  // namespace askpro::app
