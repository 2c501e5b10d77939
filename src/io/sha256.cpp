#include "io/sha256.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include "model/error.hpp"

namespace dutylist {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw Error("cannot compute the SHA-256 of the input");
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

}  // namespace dutylist
