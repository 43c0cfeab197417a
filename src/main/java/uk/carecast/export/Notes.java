package uk.carecast.export;

import java.util.List;
import java.util.Optional;

/**
 * The Notes sheet: what the workbook is (refresh, as-at date, when it was exported, key
 * settings) as label and value lines, what each sheet and chart holds, and the cost assumptions
 * the projection used, when the history has them.
 */
public record Notes(List<Line> facts, List<Line> contents, Optional<SheetSpec> assumptions) {

    /** A label and its text. */
    public record Line(String label, String text) {
    }

    public Notes {
        facts = List.copyOf(facts);
        contents = List.copyOf(contents);
    }
}
