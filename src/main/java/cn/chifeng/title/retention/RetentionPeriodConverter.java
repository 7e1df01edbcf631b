package cn.chifeng.title.retention;

import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.convert.PeriodStyle;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a retention period of {@code title.retention.*}: ISO-8601 ({@code P10Y}, {@code P18M}, {@code P90D}) or
 * short ({@code 10y}, {@code 18m}, {@code 90d}); anything else stops the start with a Chinese message (Spring names
 * the property beside it).
 */
@Component
@ConfigurationPropertiesBinding
class RetentionPeriodConverter implements Converter<String, Period> {
    @Override
    public Period convert(String source) {
        String text = source.trim();
        try {
            return PeriodStyle.detectAndParse(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("保留期“" + source + "”无效：请写成 10y、18m、90d，或 ISO-8601 的 P10Y、P18M、P90D");
        }
    }
}
