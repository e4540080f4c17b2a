// The newcomer's first run (issue 15): Maven 3.8, getting-started's snippet and first test, no Testcontainers
// variable. It must pass, within 30 s of test time, without pulling any image of Testcontainers'.
import javax.xml.parsers.DocumentBuilderFactory

String log = new File(basedir, 'build.log').text
if (!(log =~ /Apache Maven 3\.8\./)) {
    throw new AssertionError("getting-started: not run by Maven 3.8; the log starts with: " + log.take(300))
}
File report = new File(basedir, 'target/surefire-reports/TEST-RuntimeImageTest.xml')
if (!report.isFile()) {
    throw new AssertionError("getting-started: no Surefire report for RuntimeImageTest: the build ran no test")
}
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report).documentElement
int tests = suite.getAttribute('tests') as int
int bad = (suite.getAttribute('failures') as int) + (suite.getAttribute('errors') as int) + (suite.getAttribute('skipped') as int)
double seconds = suite.getAttribute('time').replace(',', '') as double
if (tests != 1 || bad != 0) {
    throw new AssertionError("getting-started: expected runtimeIsLean() to pass, but Surefire reports ${tests} tests, ${bad} not passed")
}
if (seconds >= 30) {
    throw new AssertionError("getting-started: the first run took ${seconds} s of test time; a newcomer must pass or fail within 30 s")
}
if (log.contains('Pulling docker image') || log.contains('testcontainers/ryuk')) {
    throw new AssertionError("getting-started: the first build pulled (or tried to pull) an image of Testcontainers'")
}
println "getting-started: runtimeIsLean() passed on Maven 3.8 without Testcontainers variables, ${seconds} s of test time"
return true
