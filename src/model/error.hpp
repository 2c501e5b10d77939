#pragma once

#include <stdexcept>
#include <string>

namespace dutylist {

// Raised for anything that stops a conversion: unreadable, unsupported or untrustworthy input.
// The message is a sentence a clerk understands; the CLI prefixes the file name.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace dutylist
