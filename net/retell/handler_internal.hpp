#pragma once
/// Shared by the Retell handlers (handler_*.cpp) only; pulls in httplib.h.

#include "actors/call/voice_router.hpp"
#include "net/retell/codec.hpp"

#include <httplib.h>

#include <optional>

namespace askpro::net::retell {

/// Finds the tenant by the dialled number and verifies the signature with its key. Answers the
/// request (400, 401, 404, 5xx) and yields nullopt when it must stop; nothing is stored.
std::optional<actors::call::tenant_route> authenticate(const actors::call::voice_deps& deps,
                                                       const httplib::Request& req,
                                                       httplib::Response& res);

/// Answers a 400 problem for a body the codec refused.
void respond_unparseable(httplib::Response& res, const caf::error& err);

/// The inbox/call-record form of a parsed event (which fields each event sets).
actors::call::call_event to_call_event(const event& ev, const actors::call::tenant_route& route,
                                       const httplib::Request& req);

/// True for the events stored on the call record.
bool is_call_event(const std::string& name);

}  // namespace askpro::net::retell
