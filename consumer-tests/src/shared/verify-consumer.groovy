// Shared by every consumer's verify.groovy: evaluates to a closure that checks one consumer build from its
// Surefire reports. A build that "passed" with no test, or with fewer tests than expected, fails here.
import javax.xml.parsers.DocumentBuilderFactory

return { File basedir, int expectedTests, String expectedJUnit ->
    File reports = new File(basedir, 'target/surefire-reports')
    List<File> files = (reports.listFiles() ?: new File[0]).findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
    if (files.isEmpty()) {
        throw new AssertionError("${basedir.name}: no Surefire report in ${reports}: the build ran no test")
    }
    int tests = 0, failures = 0, errors = 0, skipped = 0
    files.each { file ->
        def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).documentElement
        tests += suite.getAttribute('tests') as int
        failures += suite.getAttribute('failures') as int
        errors += suite.getAttribute('errors') as int
        skipped += suite.getAttribute('skipped') as int
    }
    if (tests != expectedTests || failures + errors + skipped != 0) {
        throw new AssertionError("${basedir.name}: expected ${expectedTests} tests to pass, but Surefire reports ${tests} tests, "
                + "${failures} failures, ${errors} errors, ${skipped} skipped")
    }
    Properties versions = new Properties()
    new File(basedir, 'target/junit-versions.properties').withInputStream { versions.load(it) }
    ['junit-jupiter-api', 'junit-jupiter-engine'].each { artifact ->
        if (versions.getProperty(artifact) != expectedJUnit) {
            throw new AssertionError("${basedir.name}: ${artifact} ${versions.getProperty(artifact)} ran the tests, not the consumer's ${expectedJUnit}")
        }
    }
    println "${basedir.name}: ${tests} tests passed on JUnit ${expectedJUnit} (platform ${versions.getProperty('junit-platform-commons')})"
    return true
}
