package uk.carecast.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.carecast.export.SheetSpec.Kind;

/**
 * Writes the sheets and the Notes sheet as an .xlsx workbook. Money and counts are numeric cells
 * with a number format, so the workbook adds up; each group's totals row is a SUM formula over
 * the rows above it, with the result Excel shows before it recalculates computed in BigDecimal.
 */
public final class WorkbookWriter {

    public static final String NOTES = "Notes";
    public static final String MONEY_FORMAT = "£#,##0;[Red]-£#,##0";
    public static final String COUNT_FORMAT = "#,##0.0";
    public static final String RATE_FORMAT = "#,##0.00##";
    private static final int MAX_WIDTH = 60;
    /** Long notes are cut into lines of about this many characters, one a row, rather than one wide cell. */
    private static final int NOTE_LINE = 110;

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle bold;
    private final Map<Kind, CellStyle> plain = new EnumMap<>(Kind.class);
    private final Map<Kind, CellStyle> total = new EnumMap<>(Kind.class);

    private WorkbookWriter() {
        Font boldFont = book.createFont();
        boldFont.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(boldFont);
        header = book.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        for (Kind kind : Kind.values()) {
            plain.put(kind, style(kind, null));
            total.put(kind, style(kind, boldFont));
        }
    }

    /** Writes the workbook: Notes first, then the sheets in order. */
    public static void write(Path file, List<SheetSpec> sheets, Notes notes) {
        WorkbookWriter writer = new WorkbookWriter();
        writer.notes(notes);
        sheets.forEach(writer::sheet);
        // Excel recalculates the totals on opening, whatever values were cached.
        writer.book.setForceFormulaRecalculation(true);
        // Written beside and moved into place, so a failed export leaves no half-written workbook.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (XSSFWorkbook book = writer.book) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(partial)) {
                book.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + file, e);
        }
    }

    private void sheet(SheetSpec spec) {
        Sheet sheet = book.createSheet(spec.name());
        int last = table(sheet, 0, spec);
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(last, 1), 0, spec.columns().size() - 1));
        widths(sheet, spec, 0);
    }

    private void notes(Notes notes) {
        Sheet sheet = book.createSheet(NOTES);
        int r = 0;
        text(sheet.createRow(r++), 0, "carecast export", bold);
        r++;
        r = lines(sheet, r, notes.facts());
        r++;
        text(sheet.createRow(r++), 0, "Contents", bold);
        r = lines(sheet, r, notes.contents());
        int labelWidth = 2 + java.util.stream.Stream.concat(notes.facts().stream(), notes.contents().stream())
                .mapToInt(l -> l.label().length()).max().orElse(10);
        if (notes.assumptions().isPresent()) {
            SheetSpec assumptions = notes.assumptions().get();
            r++;
            text(sheet.createRow(r++), 0, assumptions.about(), bold);
            int first = r;
            int last = table(sheet, first, assumptions);
            sheet.setAutoFilter(new CellRangeAddress(first, Math.max(last, first + 1), 0,
                    assumptions.columns().size() - 1));
            widths(sheet, assumptions, labelWidth);
        } else {
            sheet.setColumnWidth(0, labelWidth * 256);
        }
    }

    private int lines(Sheet sheet, int r, List<Notes.Line> lines) {
        for (Notes.Line line : lines) {
            List<String> parts = wrap(line.text());
            for (int i = 0; i < parts.size(); i++) {
                Row row = sheet.createRow(r++);
                if (i == 0) {
                    text(row, 0, line.label(), bold);
                }
                text(row, 1, parts.get(i), null);
            }
        }
        return r;
    }

    /** Writes header, rows and totals from row {@code first}; returns the last row written. */
    private int table(Sheet sheet, int first, SheetSpec spec) {
        List<SheetSpec.Column> columns = spec.columns();
        Row head = sheet.createRow(first);
        for (int c = 0; c < columns.size(); c++) {
            text(head, c, columns.get(c).header(), header);
        }
        int r = first + 1;
        int groupFirst = 0;
        List<List<Object>> rows = spec.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                value(row, c, rows.get(i).get(c), plain.get(columns.get(c).kind()));
            }
            if (spec.totals() && (i == rows.size() - 1 || !key(spec, rows.get(i + 1)).equals(key(spec, rows.get(i))))) {
                int to = r - 1;
                totals(sheet.createRow(r++), spec, rows.subList(groupFirst, i + 1), to - (i - groupFirst), to);
                groupFirst = i + 1;
            }
        }
        return r - 1;
    }

    private static List<Object> key(SheetSpec spec, List<Object> row) {
        return row.subList(0, spec.groupColumns());
    }

    /** The totals row of one group, whose data sit in sheet rows {@code from}..{@code to} (0-based). */
    private void totals(Row row, SheetSpec spec, List<List<Object>> group, int from, int to) {
        List<SheetSpec.Column> columns = spec.columns();
        for (int c = 0; c < spec.groupColumns(); c++) {
            value(row, c, group.get(0).get(c), total.get(Kind.TEXT));
        }
        text(row, spec.groupColumns(), "Total", total.get(Kind.TEXT));
        for (int c = spec.groupColumns() + 1; c < columns.size(); c++) {
            Kind kind = columns.get(c).kind();
            Cell cell = row.createCell(c);
            cell.setCellStyle(total.get(kind));
            if (kind.totalled()) {
                String letter = CellReference.convertNumToColString(c);
                cell.setCellFormula("SUM(" + letter + (from + 1) + ":" + letter + (to + 1) + ")");
                BigDecimal sum = BigDecimal.ZERO;
                for (List<Object> values : group) {
                    sum = sum.add(decimal(values.get(c)));
                }
                // On a formula cell this is the cached result: what a reader that does not recalculate sees.
                cell.setCellValue(sum.doubleValue());
            }
        }
    }

    private void widths(Sheet sheet, SheetSpec spec, int atLeastFirst) {
        for (int c = 0; c < spec.columns().size(); c++) {
            Kind kind = spec.columns().get(c).kind();
            int width = Math.max(spec.columns().get(c).header().length() + 3, c == 0 ? atLeastFirst : 0);
            BigDecimal bound = BigDecimal.ZERO;
            for (List<Object> row : spec.rows()) {
                width = Math.max(width, shown(row.get(c), kind).length() + 2);
                if (kind.totalled()) {
                    bound = bound.add(decimal(row.get(c)).abs());
                }
            }
            if (spec.totals() && kind.totalled()) {
                // No group's total is longer than the sum of every magnitude; bold takes a little more room,
                // and a number too wide for its column shows as ### in Excel.
                width = Math.max(width, shown(bound.negate(), kind).length() + 3);
            }
            sheet.setColumnWidth(c, Math.min(width, MAX_WIDTH) * 256);
        }
    }

    /** Roughly what Excel shows for a value, to size its column. */
    private static String shown(Object value, Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case MONEY -> new DecimalFormat("£#,##0;-£#,##0").format(decimal(value));
            case COUNT -> new DecimalFormat("#,##0.0").format(decimal(value));
            default -> value.toString();
        };
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static void value(Row row, int c, Object value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (value instanceof Number number) {
            // A cell holds a double; the decimal is only converted for display, never summed as one.
            cell.setCellValue(decimal(number).doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    private static void text(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private CellStyle style(Kind kind, Font font) {
        CellStyle style = book.createCellStyle();
        String format = switch (kind) {
            case MONEY -> MONEY_FORMAT;
            case COUNT -> COUNT_FORMAT;
            case RATE -> RATE_FORMAT;
            case TEXT -> null;
        };
        if (format != null) {
            style.setDataFormat(book.createDataFormat().getFormat(format));
        }
        if (font != null) {
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
        }
        return style;
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > NOTE_LINE) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
