#include "runtime/breaker_relay.hpp"

#include <caf/detail/behavior_impl.hpp>
#include <caf/make_counted.hpp>
#include <caf/type_erased_tuple.hpp>

namespace askpro::runtime::detail {
namespace {

/// A behavior with a single catch-all case.
class any_response_impl final : public caf::detail::behavior_impl {
 public:
  explicit any_response_impl(std::function<void(caf::message&)> f) : f_(std::move(f)) {}

  caf::match_case::result invoke(caf::detail::invoke_result_visitor& visitor,
                                 caf::type_erased_tuple& xs) override {
    auto msg = caf::message::copy(xs);
    f_(msg);
    visitor();  // handled, no result of our own
    return caf::match_case::match;
  }

 private:
  std::function<void(caf::message&)> f_;
};

}  // namespace

caf::behavior any_response(std::function<void(caf::message&)> on_answer) {
  caf::behavior::impl_ptr impl{caf::make_counted<any_response_impl>(std::move(on_answer))};
  return caf::behavior{std::move(impl)};
}

}  // namespace askpro::runtime::detail
