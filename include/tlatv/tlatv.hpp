// tlatv: TLA+ trace validation. Include this header for the whole C++ API.
#pragma once

#include "tlatv/diagnostic.hpp"
#include "tlatv/result.hpp"
#include "tlatv/spec.hpp"
#include "tlatv/version.hpp"
