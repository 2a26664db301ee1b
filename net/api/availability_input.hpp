#pragma once
/// Reading an availability query (contract.md GET /api/v2/availability, also the shell's
/// rt.tenant(…):availability{…}): service, from, to (YYYY-MM-DD, `to` exclusive, at most 31
/// days), optional staff and branch, resolved against the tenant's model through actors/api as
/// the principal may see it. Thread-safety: pure.

#include "actors/api/api_booking.hpp"
#include "net/http/problem.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace askpro::net::api {

/// A parameter by name (nullopt when absent).
using query_lookup = std::function<std::optional<std::string>(const char* name)>;

/// The query with resolved slugs (and its branch), or nullopt with every invalid parameter in
/// `errors`.
std::optional<actors::calendar::availability_query> read_availability(
    const query_lookup& param, const actors::tenant::tenant_model& model,
    const actors::api::principal& who, const actors::tenant::branch_model*& branch,
    std::vector<http::field_error>& errors);

}  // namespace askpro::net::api
