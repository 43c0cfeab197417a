package uk.carecast.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Clients by setting over time as small multiples, one panel per setting on a shared year axis:
 * people supported on each 31 March as a solid line, the projection dashed with its 95% band
 * shaded. One chart with every setting would put home care's thousands and shared lives' tens on
 * one scale and flatten the small settings.
 */
public final class ClientsChart {

    public static final int WIDTH = 1500;
    public static final int PANEL_HEIGHT = 340;
    public static final int HEADER_HEIGHT = 70;
    public static final int COLUMNS = 3;
    private static final Color RECORDED = new Color(0x1f, 0x4e, 0x79);
    private static final Color PROJECTED = new Color(0xc5, 0x5a, 0x11);

    /** The projection's principal figure and its 95% band. */
    public record Band(BigDecimal low, BigDecimal principal, BigDecimal high) {
    }

    /** One setting: people on the 31 March closing each financial year, and the projection, by FY start year. */
    public record Series(String setting, SortedMap<Integer, Long> recorded, SortedMap<Integer, Band> projected) {
    }

    private ClientsChart() {
    }

    public static int height(int settings) {
        return HEADER_HEIGHT + Math.max(1, (settings + COLUMNS - 1) / COLUMNS) * PANEL_HEIGHT;
    }

    public static void write(Path png, String title, List<Series> settings) {
        List<Integer> years = new TreeSet<Integer>(settings.stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.recorded().keySet().stream(), s.projected().keySet().stream()))
                .toList()).stream().toList();
        String[] labels = years.stream().map(y -> y + "/" + String.format("%02d", (y + 1) % 100)).toArray(String[]::new);
        BufferedImage image = new BufferedImage(WIDTH, height(settings.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(title, 20, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.setColor(RECORDED);
            String solid = "Solid: people supported on 31 March (demand_snapshot).   ";
            g.drawString(solid, 20, 55);
            g.setColor(PROJECTED);
            g.drawString("Dashed: projected clients, shaded: their 95% band (demand_projection).",
                    20 + g.getFontMetrics().stringWidth(solid), 55);
            int panelWidth = WIDTH / COLUMNS;
            for (int i = 0; i < settings.size(); i++) {
                Rectangle2D area = new Rectangle2D.Double((i % COLUMNS) * panelWidth,
                        HEADER_HEIGHT + (i / COLUMNS) * PANEL_HEIGHT, panelWidth, PANEL_HEIGHT);
                panel(settings.get(i), years, labels).draw(g, area);
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png, e);
        }
    }

    private static JFreeChart panel(Series series, List<Integer> years, String[] labels) {
        YIntervalSeries band = new YIntervalSeries("projected");
        series.projected().forEach((year, b) -> band.add(years.indexOf(year), b.principal().doubleValue(),
                b.low().doubleValue(), b.high().doubleValue()));
        YIntervalSeriesCollection projected = new YIntervalSeriesCollection();
        projected.addSeries(band);
        XYSeries line = new XYSeries("31 March");
        series.recorded().forEach((year, clients) -> line.add(years.indexOf(year), clients));
        XYSeriesCollection recorded = new XYSeriesCollection(line);

        SymbolAxis x = new SymbolAxis(null, labels);
        x.setGridBandsVisible(false);
        x.setVerticalTickLabels(true);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        NumberAxis y = new NumberAxis("clients");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));

        DeviationRenderer projection = new DeviationRenderer(true, false);
        projection.setSeriesPaint(0, PROJECTED);
        projection.setSeriesFillPaint(0, PROJECTED);
        projection.setAlpha(0.25f);
        projection.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        XYLineAndShapeRenderer history = new XYLineAndShapeRenderer(true, true);
        history.setSeriesPaint(0, RECORDED);
        history.setSeriesStroke(0, new BasicStroke(2f));

        XYPlot plot = new XYPlot(projected, x, y, projection);
        plot.setDataset(1, recorded);
        plot.setRenderer(1, history);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(label(series.setting()), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** {@code home_care} becomes {@code Home care}. */
    static String label(String setting) {
        String words = setting.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
