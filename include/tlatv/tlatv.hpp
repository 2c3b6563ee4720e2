// tlatv: TLA+ trace validation. Include this header for the whole C++ API.
#pragma once

#include "tlatv/diagnostic.hpp"
#include "tlatv/report.hpp"
#include "tlatv/result.hpp"
#include "tlatv/spec.hpp"
#include "tlatv/value.hpp"
#include "tlatv/verdict.hpp"
#include "tlatv/version.hpp"
#include "tlatv/window.hpp"
