package uk.carecast.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void yearsRunFromAprilToMarch() {
        assertEquals("2024/25", FinancialYear.containing(LocalDate.parse("2025-03-31")).label());
        assertEquals("2025/26", FinancialYear.containing(LocalDate.parse("2025-04-01")).label());
        assertEquals("1999/00", new FinancialYear(1999).label());
        // 2027/28 holds 29 February 2028.
        assertEquals(366, FinancialYear.parse("2027/28").days());
        assertEquals(365, FinancialYear.parse("2026/27").days());
    }

    @Test
    void labelsMustBeConsecutiveYears() {
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2025/27"));
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2025-26"));
    }
}
