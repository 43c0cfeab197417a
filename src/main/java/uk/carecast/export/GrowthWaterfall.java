package uk.carecast.export;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A year's growth requirement as a waterfall: each driver a bar floating on the ones before it,
 * then the total from zero. The total is summed in BigDecimal, not left to the renderer's doubles.
 */
public final class GrowthWaterfall {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    public static final String TOTAL = "Total growth";
    private static final Color RISE = new Color(0xc5, 0x5a, 0x11);
    private static final Color FALL = new Color(0x38, 0x76, 0x1d);
    // Light enough that the total's black label reads on it.
    private static final Color SUM = new Color(0x7f, 0xa7, 0xd1);

    private GrowthWaterfall() {
    }

    /** {@code byDriver}: the drivers in the order they are to stand, with their amounts. */
    public static void write(Path png, String title, Map<String, BigDecimal> byDriver) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> driver : byDriver.entrySet()) {
            data.addValue(driver.getValue().doubleValue(), "growth", Sheets.driverHeader(driver.getKey()));
            total = total.add(driver.getValue());
        }
        // The renderer draws the last category from zero: it is the total, not another step.
        data.addValue(total.doubleValue(), "growth", TOTAL);

        JFreeChart chart = ChartFactory.createWaterfallChart(title, null, "£", data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        DecimalFormat pounds = new DecimalFormat("£#,##0;-£#,##0");
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(pounds);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));

        WaterfallBarRenderer bars = (WaterfallBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setPositiveBarPaint(RISE);
        bars.setNegativeBarPaint(FALL);
        bars.setLastBarPaint(SUM);
        // The first bar has a paint of its own; give it the colour of its sign like the others.
        boolean firstFalls = !byDriver.isEmpty() && byDriver.values().iterator().next().signum() < 0;
        bars.setFirstBarPaint(firstFalls ? FALL : RISE);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", pounds));
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        bars.setDefaultItemLabelsVisible(true);
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png, e);
        }
    }
}
