#pragma once

#define TLATV_VERSION_MAJOR 0
#define TLATV_VERSION_MINOR 1
#define TLATV_VERSION_PATCH 0

namespace tlatv {
inline constexpr const char* version_string = "0.1.0";
}
