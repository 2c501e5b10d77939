// Poppler's private API, kept to the poppler_*.cpp files: its headers are unstable between releases.
#include "extractors/pdf/poppler_device.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

#include <ErrorCodes.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <splash/SplashBitmap.h>

#include <fmt/format.h>

#include "extractors/pdf/drawing_budget.hpp"
#include "extractors/pdf/poppler_meshes.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::pdf {
namespace {

// Rulings are drawn as stroked lines or as filled rectangles at most this thick.
constexpr double max_ruling_thickness = 2.5;
// A segment whose ends differ by less than this across its axis is axis-aligned.
constexpr double axis_tolerance = 0.5;
// Segments shorter than this are dots or glyph parts, never rulings.
constexpr double min_segment_length = 1.0;
// A ruling this close outside the clipping box is still drawn in part (half its width).
constexpr double clip_tolerance = 1.5;
// Colours at least this light are the paper colour: invisible text, no ruling.
constexpr double white_level = 0.95;
// A font is untrusted when at least this share of its glyphs decode to control or private-use
// code points, or to Latin letters and digits drawn as wide as ideographs (a Unicode map that
// lost or scrambled its entries: 助 read as "û", 。 as "2").
constexpr double bad_glyph_share = 0.02;
constexpr int min_bad_glyphs = 2;
// A Latin letter or digit whose own advance is at least this many font sizes is an ideograph.
constexpr double ideograph_advance = 0.9;
// What a glyph that decodes to no Unicode at all is held as until its font is repaired.
constexpr char32_t unmapped = 0xFFFD;

void ignore_poppler_message(ErrorCategory, Goffset, const char*) {}

// One GlobalParams for the whole process, created before the first PDFDoc.
void ensure_global_params() {
    static GlobalParamsIniter initer(ignore_poppler_message);
}

bool is_white(const GfxRGB& rgb) {
    return colToDbl(rgb.r) >= white_level && colToDbl(rgb.g) >= white_level && colToDbl(rgb.b) >= white_level;
}

bool is_bad_code(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFD;
}

// Characters that every font sets clearly narrower than an ideograph: digits, ASCII
// punctuation but for @ % & (a re-distil's “ ” come out as < =), and lower-case letters other
// than m and w, plain or accented (capitals, m, w and æ can reach a full em).
bool is_narrow_letter(char32_t cp) {
    if (cp >= U'0' && cp <= U'9') return true;
    if (cp > U' ' && cp < 0x7F && !std::isalnum(static_cast<int>(cp))) return cp != U'@' && cp != U'%' && cp != U'&';
    if (cp >= U'a' && cp <= U'z') return cp != U'm' && cp != U'w';
    return cp >= 0xE0 && cp <= 0xFF && cp != 0xE6 && cp != 0xF7;
}

std::string static_distrust(const GfxFont& font) {
    if (font.hasToUnicodeCMap()) return "";
    if (font.isCIDFont()) {
        const auto* collection = static_cast<const GfxCIDFont&>(font).getCollection();
        if (!collection || collection->cmp("Adobe-Identity") == 0)
            return "its CID font has no ToUnicode map (Identity encoding), so its characters are guesses";
    }
    return "";
}

// Glyph names that say nothing of the character ("g12", "cid345", "glyph7"): without a
// ToUnicode map Poppler falls back to the character code.
bool is_anonymous_glyph_name(const char* name) {
    if (!name || !*name) return true;
    const char* p = name;
    while (std::isalpha(static_cast<unsigned char>(*p))) ++p;
    if (p == name || !std::isdigit(static_cast<unsigned char>(*p))) return false;
    const std::string_view prefix(name, static_cast<size_t>(p - name));
    if (prefix == "uni" || prefix == "u" || prefix == "afii") return false;
    while (std::isdigit(static_cast<unsigned char>(*p))) ++p;
    return *p == 0;
}

// True when a simple font's glyph has no name that maps to Unicode.
bool unnamed_glyph(const GfxFont& font, CharCode code) {
    if (font.hasToUnicodeCMap() || font.isCIDFont() || code > 255) return false;
    return is_anonymous_glyph_name(static_cast<const Gfx8BitFont&>(font).getCharName(static_cast<int>(code)));
}

class PageDevice : public OutputDev {
public:
    explicit PageDevice(PageContent& page, long document_budget) : page_(page), budget_(document_budget) {}

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }

    void startPage(int, GfxState* state, XRef*) override {
        if (!state) return;
        page_.width = state->getPageWidth();
        page_.height = state->getPageHeight();
    }

    void endPage() override {
        for (size_t i = 0; i < page_.fonts.size(); ++i) {
            const auto& c = counts_[i];
            if (!page_.fonts[i].untrusted.empty()) continue;
            if (c.bad >= min_bad_glyphs && c.bad >= bad_glyph_share * c.all)
                page_.fonts[i].untrusted = _("its characters decode to control or private-use codes");
            else if (c.unnamed >= min_bad_glyphs && c.unnamed >= bad_glyph_share * c.all)
                page_.fonts[i].untrusted = _("its glyphs have no Unicode map and only numbered names (like /g12)");
            else if (c.wide_latin >= min_bad_glyphs && c.wide_latin >= bad_glyph_share * c.all)
                page_.fonts[i].untrusted = _("glyphs as wide as ideographs decode to Latin letters, digits or punctuation");
        }
        std::erase_if(page_.glyphs,
                      [&](const Glyph& g) { return g.code == unmapped && page_.fonts[g.font].untrusted.empty(); });
    }

    const DrawingBudget& budget() const { return budget_; }

    // Poppler asks before each form: once the page is over its budget, forms are handed to
    // drawForm, which draws nothing, instead of being entered, so the recursion ends at once
    // (Poppler's abort check runs only every ten operators of one stream, which such forms never reach).
    bool useDrawForm() override { return budget_.exhausted(); }
    void drawForm(Ref) override {}
    void beginForm(Ref) override { budget_.spend(); }
    void saveState(GfxState*) override { budget_.spend(); }
    void restoreState(GfxState*) override { budget_.spend(); }
    void updateCTM(GfxState*, double, double, double, double, double, double) override { budget_.spend(); }
    static bool abort_check(void* device) {
        auto* self = static_cast<PageDevice*>(device);
        return !self->budget_.spend(operators_per_abort_check);
    }

    // Poppler draws a tiling pattern tile by tile, in a loop of its own that never asks the
    // abort check: a step of 0.01 pt over a page is 5·10^9 tiles. They are counted before any is
    // drawn; beyond the budget none is, and the page is refused.
    bool useTilingPatternFill() override { return true; }
    bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int x0, int y0, int x1, int y1, double,
                           double) override {
        const double tiles = std::max(0.0, double(x1) - x0) * std::max(0.0, double(y1) - y0);
        return !budget_.spend_whole(tiles);  // when they fit, Poppler draws them, each counted as it goes
    }

    // Shadings are neither glyph nor ruling. Poppler would cut a mesh into up to 4096 fills a
    // triangle, never asking the abort check; each triangle or patch counts once, nothing is drawn.
    bool useShadedFills(int) override { return true; }
    bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return painted(1); }
    bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return painted(1); }
    bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return painted(1); }
    bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading* mesh) override { return painted(mesh->getNTriangles()); }
    bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading* mesh) override { return painted(mesh->getNPatches()); }
    // Counts n pieces of a shading against the budget; true tells Poppler the shading is done.
    bool painted(double n) {
        budget_.spend_whole(n);
        return true;
    }

    void drawChar(GfxState* state, double x, double y, double dx, double dy, double, double, CharCode code, int,
                  const Unicode* u, int uLen) override {
        if (!budget_.spend()) return;
        const int render = state->getRender() & 3;
        if (render == 3) return;  // invisible: an OCR layer or a clipping trick
        if (render == 0) {
            GfxRGB rgb;
            state->getFillRGB(&rgb);
            if (is_white(rgb)) return;
        }
        double ux, uy, dirx, diry;
        state->textTransformDelta(1, 0, &ux, &uy);
        state->transformDelta(ux, uy, &dirx, &diry);
        if (dirx <= 0 || std::abs(diry) > 0.2 * dirx) {
            ++page_.rotated_glyphs;
            return;
        }
        double tx, ty, tdx, tdy;
        state->transform(x, y, &tx, &ty);
        state->transformDelta(dx, dy, &tdx, &tdy);
        const double size = state->getTransformedFontSize();
        const int font = font_index(state);
        if (state->getFont() && unnamed_glyph(*state->getFont(), code)) ++counts_[font].unnamed;
        if (uLen <= 0) {
            ++counts_[font].all;
            ++counts_[font].bad;
            // Kept for the font's repair from its glyphs; dropped at the page's end if the
            // font turns out trustworthy after all.
            page_.glyphs.push_back({unmapped, tx, tx + tdx, ty, size, font, code});
            return;
        }
        // The glyph's own advance, without character spacing (justified lines add it).
        double space_x, space_y, space_dx, space_dy;
        state->textTransformDelta(state->getCharSpace() * state->getHorizScaling(), 0, &space_x, &space_y);
        state->transformDelta(space_x, space_y, &space_dx, &space_dy);
        const bool wide = tdx - space_dx >= ideograph_advance * size;
        const double step = tdx / uLen;
        for (int i = 0; i < uLen; ++i) {
            Glyph g;
            g.code = static_cast<char32_t>(u[i]);
            g.x0 = tx + i * step;
            g.x1 = g.x0 + step;
            g.baseline = ty;
            g.size = size;
            g.font = font;
            g.font_code = code;
            ++counts_[font].all;
            if (is_bad_code(g.code)) ++counts_[font].bad;
            if (wide && uLen == 1 && is_narrow_letter(g.code)) ++counts_[font].wide_latin;
            page_.glyphs.push_back(g);
        }
    }

    void stroke(GfxState* state) override {
        if (!budget_.spend()) return;
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        if (is_white(rgb)) return;
        const GfxPath* path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath* sub = path->getSubpath(s);
            const int n = sub->getNumPoints();
            for (int i = 0; i + 1 < n; ++i) {
                if (sub->getCurve(i) || sub->getCurve(i + 1)) continue;
                add_line(state, sub->getX(i), sub->getY(i), sub->getX(i + 1), sub->getY(i + 1));
            }
            if (sub->isClosed() && n > 2 && !sub->getCurve(n - 1))
                add_line(state, sub->getX(n - 1), sub->getY(n - 1), sub->getX(0), sub->getY(0));
        }
    }

    void fill(GfxState* state) override {
        if (budget_.spend()) fill_rectangles(state);
    }
    void eoFill(GfxState* state) override {
        if (budget_.spend()) fill_rectangles(state);
    }

    void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                       bool inlineImg) override {
        if (!count_image(width, height, 1, 1, inlineImg)) return;
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }
    void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* colorMap,
                   bool interpolate, const int* maskColors, bool inlineImg) override {
        if (!count_image(width, height, colorMap->getNumPixelComps(), colorMap->getBits(), inlineImg)) return;
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* colorMap,
                         bool interpolate, Stream* maskStr, int maskWidth, int maskHeight, bool maskInvert,
                         bool maskInterpolate) override {
        count_image(width, height, colorMap->getNumPixelComps(), colorMap->getBits(), false);
        OutputDev::drawMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr, maskWidth,
                                   maskHeight, maskInvert, maskInterpolate);
    }
    void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                             GfxImageColorMap* colorMap, bool interpolate, Stream* maskStr, int maskWidth,
                             int maskHeight, GfxImageColorMap* maskColorMap, bool maskInterpolate) override {
        count_image(width, height, colorMap->getNumPixelComps(), colorMap->getBits(), false);
        OutputDev::drawSoftMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr, maskWidth,
                                       maskHeight, maskColorMap, maskInterpolate);
    }

private:
    // Counts an image for rendering, and charges reading an inline one's data to the budget;
    // past it nothing is read (Poppler then skips to the image's end by itself), the page refused.
    bool count_image(int width, int height, int components, int bits, bool inline_image) {
        ++page_.images;
        const double bytes = image_bytes(width, height, components, bits);
        budget_.add_image(bytes);
        return !inline_image || budget_.spend_whole(bytes / inline_image_bytes_per_operation);
    }

    struct GlyphCounts {
        int all = 0;
        int bad = 0;
        int wide_latin = 0;
        int unnamed = 0;
    };

    int font_index(GfxState* state) {
        const std::shared_ptr<GfxFont>& font = state->getFont();
        const GfxFont* key = font.get();
        if (key == last_font_) return last_index_;
        auto [it, added] = font_ids_.try_emplace(key, static_cast<int>(page_.fonts.size()));
        if (added) {
            FontInfo info;
            if (font) {
                info.name = font->getName().value_or("");
                if (const GooString* program = font->getEmbeddedFontName()) info.program = program->toStr();
                info.bold = font->isBold() || font->getWeight() >= GfxFont::W600 ||
                            info.name.find("Bold") != std::string::npos;
                info.untrusted = static_distrust(*font);
                info.object = std::to_string(font->getID()->num) + " " + std::to_string(font->getID()->gen);
            }
            page_.fonts.push_back(std::move(info));
            counts_.emplace_back();
        }
        last_font_ = key;
        last_index_ = it->second;
        return it->second;
    }

    void add_line(GfxState* state, double ax, double ay, double bx, double by) {
        double x0, y0, x1, y1;
        state->transform(ax, ay, &x0, &y0);
        state->transform(bx, by, &x1, &y1);
        if (std::abs(y1 - y0) < axis_tolerance) add_segment(state, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (std::abs(x1 - x0) < axis_tolerance) add_segment(state, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
    }

    // Thin filled rectangles are rulings too (Word, WPS and browsers draw borders that way).
    void fill_rectangles(GfxState* state) {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        if (is_white(rgb)) return;
        const GfxPath* path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath* sub = path->getSubpath(s);
            const int n = sub->getNumPoints();
            if (n < 4 || n > 5) {
                ++page_.shapes;
                continue;
            }
            double xs[5], ys[5];
            bool curved = false;
            for (int i = 0; i < n; ++i) {
                curved = curved || sub->getCurve(i);
                state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
            }
            if (curved) {
                ++page_.shapes;
                continue;
            }
            const double x0 = *std::min_element(xs, xs + n), x1 = *std::max_element(xs, xs + n);
            const double y0 = *std::min_element(ys, ys + n), y1 = *std::max_element(ys, ys + n);
            bool rectangle = true;
            for (int i = 0; i < n; ++i) {
                const bool on_x = std::abs(xs[i] - x0) < axis_tolerance || std::abs(xs[i] - x1) < axis_tolerance;
                const bool on_y = std::abs(ys[i] - y0) < axis_tolerance || std::abs(ys[i] - y1) < axis_tolerance;
                rectangle = rectangle && on_x && on_y;
            }
            if (!rectangle) continue;
            const double w = x1 - x0, h = y1 - y0;
            if (h <= max_ruling_thickness && w > h) add_segment(state, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
            else if (w <= max_ruling_thickness && h > w) add_segment(state, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
    }

    void add_segment(GfxState* state, double x0, double y0, double x1, double y1) {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        // Browsers clip to the content box, through the middle of the outer borders.
        cx0 -= clip_tolerance;
        cy0 -= clip_tolerance;
        cx1 += clip_tolerance;
        cy1 += clip_tolerance;
        if (x0 > x1) std::swap(x0, x1);
        if (y0 > y1) std::swap(y0, y1);
        x0 = std::max(x0, cx0);
        x1 = std::min(x1, cx1);
        y0 = std::max(y0, cy0);
        y1 = std::min(y1, cy1);
        if (x0 > x1 || y0 > y1) return;
        if (std::max(x1 - x0, y1 - y0) < min_segment_length) return;
        page_.segments.push_back({x0, y0, x1, y1});
    }

    PageContent& page_;
    std::unordered_map<const GfxFont*, int> font_ids_;
    std::vector<GlyphCounts> counts_;
    const GfxFont* last_font_ = nullptr;
    int last_index_ = 0;
    DrawingBudget budget_;
};

}  // namespace

struct PdfFile::Impl {
    std::unique_ptr<PDFDoc> doc;
    long operations = 0;  // drawn by the pages read so far, against max_document_operations
    std::map<int, double> image_bytes;  // page → what its images decode to, for render_page
};

PdfFile::PdfFile(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
    ensure_global_params();
    // PDFDoc owns the stream; the stream only borrows the bytes.
    auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    impl_->doc = std::make_unique<PDFDoc>(stream);
    if (!impl_->doc->isOk()) {
        if (impl_->doc->getErrorCode() == errEncrypted)
            throw Error(_("the PDF is protected by a password; open it with the password and save a copy without one"));
        throw Error(_("the PDF is damaged and cannot be read"));
    }
    if (impl_->doc->getNumPages() <= 0) throw Error(_("the PDF has no pages"));
    check_shaded_meshes(*impl_->doc);
}

PdfFile::~PdfFile() = default;

int PdfFile::page_count() const { return impl_->doc->getNumPages(); }

std::pair<double, double> PdfFile::page_size(int number) const {
    const double width = impl_->doc->getPageCropWidth(number), height = impl_->doc->getPageCropHeight(number);
    if (impl_->doc->getPageRotate(number) % 180 != 0) return {height, width};
    return {width, height};
}

PageContent PdfFile::read_page(int number) {
    PageContent page;
    page.number = number;
    PageDevice device(page, max_document_operations - impl_->operations);
    impl_->doc->displayPage(&device, number, 72, 72, 0, false, true, false, PageDevice::abort_check, &device);
    impl_->operations += device.budget().used();
    impl_->image_bytes[number] = device.budget().image_bytes();
    if (impl_->operations > max_document_operations)
        throw Error(_("the PDF draws more than 20 million characters, lines, forms and other operations; it is no duty list but a malformed PDF"));
    if (device.budget().exhausted())
        throw Error(fmt::format(
            fmt::runtime(_("page {} draws more than half a million characters, lines, forms and other operations; it is no list page but a malformed PDF")),
            number));
    return page;
}

PageImage PdfFile::render_page(int number, double dpi) {
    if (auto read = impl_->image_bytes.find(number); read != impl_->image_bytes.end() && read->second > max_page_image_bytes)
        throw Error(fmt::format(
            fmt::runtime(_("page {} draws images of more than 256 MB to be read by OCR; it is no scanned page but a malformed PDF")), number));
    const double width = impl_->doc->getPageCropWidth(number) / 72 * dpi, height = impl_->doc->getPageCropHeight(number) / 72 * dpi;
    if (!(width * height <= max_render_pixels))
        throw Error(fmt::format(fmt::runtime(_("page {} is too large to be read by OCR (more than 40 million pixels at {} dpi, an A2 page is 35 million); it is no scanned page but a malformed PDF")),
                                number, std::lround(dpi)));
    SplashColor paper = {255, 255, 255};
    SplashOutputDev device(splashModeMono8, 1, false, paper);
    device.startDoc(impl_->doc.get());
    impl_->doc->displayPage(&device, number, dpi, dpi, 0, false, true, false);
    SplashBitmap* bitmap = device.getBitmap();
    PageImage image;
    image.dpi = dpi;
    if (!bitmap) return image;
    image.width = bitmap->getWidth();
    image.height = bitmap->getHeight();
    image.grey.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    const unsigned char* data = bitmap->getDataPtr();
    for (int y = 0; y < image.height; ++y)
        std::copy_n(data + static_cast<ptrdiff_t>(y) * bitmap->getRowSize(), image.width,
                    image.grey.begin() + static_cast<ptrdiff_t>(y) * image.width);
    return image;
}

}  // namespace dutylist::pdf
