package io.github.imageassert.junit;

import io.github.imageassert.junit.internal.ImageExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets the test and lifecycle methods of a class (or one method) take an {@link ImageBuilds} parameter. Not
 * needed where {@link BuildImage}, {@link LoadImage} or {@link PresetsSource} already appear.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ImageExtension.class)
public @interface BuildsImages {
}
