#include "net/retell/replay_decoder.hpp"

#include "net/retell/handler_internal.hpp"

namespace askpro::net::retell {

actors::call::stored_event_decoder replay_decoder() {
  actors::call::stored_event_decoder d;
  d.dialled_number = [](const std::string& payload) { return dialled_number(payload); };
  d.decode = [](const std::string& payload,
                const actors::call::tenant_route& route) -> Result<actors::call::call_event> {
    auto ev = parse_event(payload);
    if (!ev) return std::move(ev.error());
    if (!is_call_event(ev->name))
      return make_error(errc::invalid_argument, "not a call event: " + ev->name);
    httplib::Request stored;  // the handler's translation reads only the body of a call event
    stored.body = payload;
    return to_call_event(*ev, route, stored);
  };
  return d;
}

}  // namespace askpro::net::retell
