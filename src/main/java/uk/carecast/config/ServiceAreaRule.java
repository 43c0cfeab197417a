package uk.carecast.config;

/**
 * One line of the setting × client group → budget service area mapping. {@code *} matches any
 * value; the first rule that matches wins.
 */
public record ServiceAreaRule(String setting, String clientGroup, String serviceArea) {

    public static final String ANY = "*";

    public ServiceAreaRule {
        setting = setting == null ? ANY : setting;
        clientGroup = clientGroup == null ? ANY : clientGroup;
        JobConfig.require(serviceArea, "service_areas[].service_area");
    }
}
