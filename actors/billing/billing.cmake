# The tenant's billing actor and the Stripe events it applies (included from actors/CMakeLists.txt).
target_sources(askpro_actors PRIVATE
  billing/billing_actor.cpp
  billing/stripe_events.cpp
)
