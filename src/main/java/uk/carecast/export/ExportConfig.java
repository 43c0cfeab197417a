package uk.carecast.export;

import java.nio.file.Path;
import java.util.Map;
import uk.carecast.config.ConfigException;

/**
 * The export job, as read from {@code jobs/export.yaml} with any {@code --set} overrides: the
 * demand-forecast output folder whose history to read, the refresh to export (unset: the latest
 * as-at date in the history) and the workbook to write (unset: {@code <output>/exports/carecast-<refresh>.xlsx}).
 */
public record ExportConfig(String job, String master, Map<String, String> sparkConf, String output, String refresh,
        String workbook) {

    public ExportConfig {
        if (output == null || output.isBlank()) {
            throw new ConfigException("export needs 'output', the demand-forecast output folder to read");
        }
        if (refresh != null && !refresh.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new ConfigException("refresh must be a refresh id such as 2025Q3, got '" + refresh + "'");
        }
        if (workbook != null && !workbook.endsWith(".xlsx")) {
            throw new ConfigException("workbook must be a .xlsx file, got '" + workbook + "'");
        }
        master = master == null ? "local[*]" : master;
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
    }

    public Path workbookFor(String refreshId) {
        return workbook != null ? Path.of(workbook) : Path.of(output, "exports", "carecast-" + refreshId + ".xlsx");
    }

    /** The charts go in a folder named after the workbook, beside it, so each workbook keeps its own. */
    public Path chartsFor(String refreshId) {
        Path book = workbookFor(refreshId);
        String name = book.getFileName().toString();
        return book.resolveSibling(name.substring(0, name.length() - ".xlsx".length()));
    }
}
