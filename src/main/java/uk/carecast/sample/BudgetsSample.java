package uk.carecast.sample;

/**
 * Budget lines for the sample council, shaped like Manchester's pooled budget (seed 000, Table 2):
 * a 2025/26 net base per service area, a savings programme phased 6,097 / 7,003 / 5,300 £000 a
 * year (Better Outcomes Better Lives delivering 6,097, 13,100 and 18,400 cumulatively), one
 * transfer out and one other pressure.
 */
final class BudgetsSample {

    private BudgetsSample() {
    }

    static String csv(String la) {
        String[][] lines = {
                {"Localities", "2025/26", "base", "B01", "Social workers and assessors", "10200000.00"},
                {"Reablement", "2025/26", "base", "B02", "Core reablement", "6900000.00"},
                {"Learning Disability", "2025/26", "base", "B03", "Supported accommodation, shared lives, external care", "88000000.00"},
                {"Mental Health", "2025/26", "base", "B04", "External care and supported accommodation", "31000000.00"},
                {"Other Care", "2025/26", "base", "B05", "Home care, residential and nursing care, cash PBs, day care", "140000000.00"},
                {"Commissioning", "2025/26", "base", "B06", "Extra care, sheltered housing, staffing", "12500000.00"},
                {"Learning Disability", "2026/27", "saving", "S01", "Better Outcomes Better Lives: LD pathway", "2500000.00"},
                {"Other Care", "2026/27", "saving", "S02", "Better Outcomes Better Lives: reablement first", "3597000.00"},
                {"Learning Disability", "2027/28", "saving", "S03", "Better Outcomes Better Lives: LD pathway", "3003000.00"},
                {"Other Care", "2027/28", "saving", "S04", "Better Outcomes Better Lives: extra care instead of residential", "4000000.00"},
                {"Other Care", "2028/29", "saving", "S05", "Better Outcomes Better Lives: full year", "5300000.00"},
                {"Commissioning", "2026/27", "transfer", "T01", "Homelessness commissioned services to Homelessness", "-1200000.00"},
                {"Localities", "2026/27", "pressure", "P01", "Social work capacity", "800000.00"},
        };
        StringBuilder out = new StringBuilder("la_code,service_area,financial_year,line_type,line_id,description,amount\n");
        for (String[] line : lines) {
            out.append(String.join(",", la, line[0], line[1], line[2], line[3], "\"" + line[4] + "\"", line[5])).append('\n');
        }
        return out.toString();
    }
}
