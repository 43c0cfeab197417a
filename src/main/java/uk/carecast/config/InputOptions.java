package uk.carecast.config;

import java.util.List;

/**
 * How to read one input file: its text encoding ({@code detect}: UTF-8 unless the bytes are not
 * valid UTF-8, then Windows-1252) and its date format ({@code detect}: ISO yyyy-MM-dd or UK
 * dd/MM/yyyy; {@code iso}; {@code uk}). US month-first dates are never read.
 */
public record InputOptions(String encoding, String dateFormat) {

    private static final List<String> DATE_FORMATS = List.of("detect", "iso", "uk");
    public static final InputOptions DEFAULTS = new InputOptions(null, null);

    public InputOptions {
        encoding = encoding == null ? "detect" : encoding;
        dateFormat = dateFormat == null ? "detect" : dateFormat;
        if (!DATE_FORMATS.contains(dateFormat)) {
            throw new ConfigException("date_format must be one of " + DATE_FORMATS + ", got " + dateFormat);
        }
    }
}
