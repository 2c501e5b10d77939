// Grey images as PNG files, for pages shown beside what was read of them (the review page).
#pragma once

#include <string>
#include <vector>

namespace dutylist {

struct GreyImage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;  // row by row, 0 black … 255 white, width × height bytes
};

// The image as a PNG of 16 grey levels (4 bits a pixel). Sixteen levels keep anti-aliased text
// as legible as 256 do at screen resolutions, and make the file about half the size of an
// 8-bit one, which matters when a page holds hundreds of them. Throws Error when libpng fails
// (out of memory) or the image is empty.
std::string encode_grey_png(const GreyImage& image);

}  // namespace dutylist
