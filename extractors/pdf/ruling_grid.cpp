#include "extractors/pdf/ruling_grid.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dutylist::pdf {
namespace {

struct Line {
    double at = 0;      // y of a horizontal, x of a vertical
    double from = 0, to = 0;
};

class DisjointSets {
public:
    explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), size_t{0}); }
    size_t find(size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void unite(size_t a, size_t b) { parent_[find(a)] = find(b); }

private:
    std::vector<size_t> parent_;
};

// Lines sharing nearly the same position get their mean position; then pieces are joined.
std::vector<Line> snap_and_join(std::vector<Line> lines, const GridTolerances& tol) {
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.at < b.at; });
    for (size_t i = 0; i < lines.size();) {
        size_t j = i + 1;
        double sum = lines[i].at;
        while (j < lines.size() && lines[j].at - lines[i].at <= tol.snap) sum += lines[j++].at;
        const double mean = sum / static_cast<double>(j - i);
        for (size_t k = i; k < j; ++k) lines[k].at = mean;
        i = j;
    }
    std::sort(lines.begin(), lines.end(),
              [](const Line& a, const Line& b) { return a.at != b.at ? a.at < b.at : a.from < b.from; });
    std::vector<Line> joined;
    for (const Line& l : lines) {
        if (!joined.empty() && joined.back().at == l.at && l.from <= joined.back().to + tol.join)
            joined.back().to = std::max(joined.back().to, l.to);
        else
            joined.push_back(l);
    }
    std::erase_if(joined, [&](const Line& l) { return l.to - l.from < tol.min_ruling; });
    return joined;
}

bool meets(const Line& h, const Line& v, double tol) {
    return v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;
}

// Positions closer than min_cell collapse into one boundary.
std::vector<double> boundaries(std::vector<double> at, double min_cell) {
    std::sort(at.begin(), at.end());
    std::vector<double> out;
    for (double a : at)
        if (out.empty() || a - out.back() >= min_cell) out.push_back(a);
    return out;
}

// Share of [from, to] covered by the lines near position `at`.
double coverage(const std::vector<const Line*>& lines, double at, double from, double to, double near) {
    double covered = 0;
    for (const Line* l : lines) {
        if (std::abs(l->at - at) > near) continue;
        covered += std::max(0.0, std::min(l->to, to) - std::max(l->from, from));
    }
    return to > from ? covered / (to - from) : 1.0;
}

// Rulings running past the last crossing ruling mean an open side: a row cut by a page break
// has no bottom border, a table without side borders no outer verticals. Their ends close it.
void close_open_sides(std::vector<double>& bounds, const std::vector<const Line*>& across, double min_cell) {
    if (bounds.empty() || across.empty()) return;
    double from = across.front()->from, to = across.front()->to;
    for (const Line* l : across) {
        from = std::min(from, l->from);
        to = std::max(to, l->to);
    }
    if (to > bounds.back() + min_cell) bounds.push_back(to);
    if (from < bounds.front() - min_cell) bounds.insert(bounds.begin(), from);
}

RuledTable cut_into_cells(const std::vector<const Line*>& hs, const std::vector<const Line*>& vs,
                          const GridTolerances& tol) {
    RuledTable t;
    std::vector<double> ys, xs;
    for (const Line* h : hs) ys.push_back(h->at);
    for (const Line* v : vs) xs.push_back(v->at);
    t.ys = boundaries(ys, tol.min_cell);
    t.xs = boundaries(xs, tol.min_cell);
    close_open_sides(t.ys, vs, tol.min_cell);
    close_open_sides(t.xs, hs, tol.min_cell);
    const int rows = t.rows(), cols = t.cols();
    if (rows < 1 || cols < 1) return t;
    const double near = tol.min_cell;
    DisjointSets sets(static_cast<size_t>(rows * cols));
    auto id = [cols](int r, int c) { return static_cast<size_t>(r * cols + c); };
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c + 1 < cols; ++c)
            if (coverage(vs, t.xs[c + 1], t.ys[r], t.ys[r + 1], near) < tol.edge_coverage) sets.unite(id(r, c), id(r, c + 1));
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (coverage(hs, t.ys[r + 1], t.xs[c], t.xs[c + 1], near) < tol.edge_coverage) sets.unite(id(r, c), id(r + 1, c));
    std::vector<int> first(static_cast<size_t>(rows * cols), -1);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const size_t root = sets.find(id(r, c));
            if (first[root] < 0) {
                first[root] = static_cast<int>(t.cells.size());
                t.cells.push_back({r, c, 1, 1, {}});
            }
            GridCell& cell = t.cells[static_cast<size_t>(first[root])];
            cell.row_span = std::max(cell.row_span, r - cell.row + 1);
            cell.col_span = std::max(cell.col_span, c - cell.col + 1);
        }
    for (GridCell& cell : t.cells)
        cell.box = {t.xs[cell.col], t.ys[cell.row], t.xs[cell.col + cell.col_span], t.ys[cell.row + cell.row_span]};
    return t;
}

// A row a page break splits at both ends (a cell longer than the page) leaves its page no
// horizontal ruling: the verticals of one height that meet nothing make its one row. It takes
// three, as a list has at least three columns, so that a stray pair of bars makes no table,
// and a height no glyph stroke has (such a row is most of a page tall), in points.
constexpr size_t min_bare_verticals = 3;
constexpr double min_bare_height = 100;

std::vector<RuledTable> bare_vertical_tables(std::vector<const Line*> lone, const GridTolerances& tol) {
    std::sort(lone.begin(), lone.end(), [](const Line* a, const Line* b) { return a->from < b->from; });
    std::vector<RuledTable> out;
    for (size_t i = 0; i < lone.size();) {
        std::vector<double> xs;
        size_t j = i;
        for (; j < lone.size() && lone[j]->from - lone[i]->from <= tol.meet; ++j)
            if (std::abs(lone[j]->to - lone[i]->to) <= tol.meet) xs.push_back(lone[j]->at);
        RuledTable t;
        t.xs = boundaries(xs, tol.min_cell);
        t.ys = {lone[i]->from, lone[i]->to};
        i = j;
        if (t.xs.size() < min_bare_verticals || t.ys[1] - t.ys[0] < min_bare_height) continue;
        for (int c = 0; c < t.cols(); ++c) t.cells.push_back({0, c, 1, 1, {t.xs[c], t.ys[0], t.xs[c + 1], t.ys[1]}});
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

std::vector<Segment> join_rulings(const std::vector<Segment>& segments, const GridTolerances& tol) {
    std::vector<Line> hs, vs;
    for (const Segment& s : segments) {
        if (s.horizontal()) hs.push_back({s.y0, std::min(s.x0, s.x1), std::max(s.x0, s.x1)});
        else vs.push_back({s.x0, std::min(s.y0, s.y1), std::max(s.y0, s.y1)});
    }
    std::vector<Segment> out;
    for (const Line& h : snap_and_join(hs, tol)) out.push_back({h.from, h.at, h.to, h.at});
    for (const Line& v : snap_and_join(vs, tol)) out.push_back({v.at, v.from, v.at, v.to});
    return out;
}

std::vector<RuledTable> find_tables(const std::vector<Segment>& segments, const GridTolerances& tol) {
    std::vector<Line> hs, vs;
    for (const Segment& s : join_rulings(segments, tol)) {
        if (s.horizontal()) hs.push_back({s.y0, s.x0, s.x1});
        else vs.push_back({s.x0, s.y0, s.y1});
    }
    // Rulings are nodes (horizontals first); meeting rulings are connected.
    DisjointSets sets(hs.size() + vs.size());
    std::vector<int> degree(hs.size() + vs.size(), 0);
    for (size_t i = 0; i < hs.size(); ++i)
        for (size_t j = 0; j < vs.size(); ++j)
            if (meets(hs[i], vs[j], tol.meet)) {
                sets.unite(i, hs.size() + j);
                ++degree[i];
                ++degree[hs.size() + j];
            }
    std::vector<RuledTable> tables;
    std::vector<bool> done(hs.size() + vs.size(), false);
    for (size_t n = 0; n < hs.size() + vs.size(); ++n) {
        const size_t root = sets.find(n);
        if (done[root] || degree[n] == 0) continue;
        done[root] = true;
        std::vector<const Line*> th, tv;
        for (size_t i = 0; i < hs.size(); ++i)
            if (degree[i] > 0 && sets.find(i) == root) th.push_back(&hs[i]);
        for (size_t j = 0; j < vs.size(); ++j)
            if (degree[hs.size() + j] > 0 && sets.find(hs.size() + j) == root) tv.push_back(&vs[j]);
        // One horizontal ruling is a row a page break cut on both sides of it: the verticals'
        // ends close the rows above and below (close_open_sides).
        if (th.empty() || tv.size() < 2) continue;
        RuledTable t = cut_into_cells(th, tv, tol);
        if (t.rows() < 1 || t.cols() < 1) continue;
        const Box b = t.box();
        if (b.x1 - b.x0 < tol.min_table_width || b.y1 - b.y0 < tol.min_table_height) continue;
        tables.push_back(std::move(t));
    }
    std::vector<const Line*> lone;
    for (size_t j = 0; j < vs.size(); ++j)
        if (degree[hs.size() + j] == 0) lone.push_back(&vs[j]);
    for (RuledTable& t : bare_vertical_tables(std::move(lone), tol)) tables.push_back(std::move(t));
    std::sort(tables.begin(), tables.end(), [](const RuledTable& a, const RuledTable& b) { return a.ys.front() < b.ys.front(); });
    return tables;
}

}  // namespace dutylist::pdf
