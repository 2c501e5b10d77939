// Shaded meshes (shading types 4 to 7: Gouraud-shaded triangles, Coons and tensor-product
// patches) are parsed whole by Poppler before any output device is asked about them, at up to
// 1.3 KB of memory per mesh element from a few bits of stream data: a 30 KB file with a
// compressed mesh makes it allocate gigabytes. A duty list draws no meshes, so their size is
// checked once, before any page is drawn. Poppler's API, kept to the poppler_*.cpp files.
#pragma once

class PDFDoc;

namespace dutylist::pdf {

// What Poppler may allocate to hold the shaded meshes of one document (each is parsed again
// each time it is drawn, and freed after). A gradient mesh in a logo is a few thousand
// elements, under 5 MB; a list needs none. Beyond this the PDF is refused.
inline constexpr double max_mesh_bytes = 64.0 * 1024 * 1024;

// Throws Error when the meshes of `doc` would take Poppler more than max_mesh_bytes. Each
// mesh's data is decoded only until that point, so a compression bomb costs no more.
void check_shaded_meshes(PDFDoc& doc);

}  // namespace dutylist::pdf
