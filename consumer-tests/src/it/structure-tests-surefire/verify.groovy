// Surefire's report of the CST config: valid XML, every CST test passed, each listed by its name in the config.
import javax.xml.parsers.DocumentBuilderFactory

File report = new File(basedir, 'target/surefire-reports/TEST-consumer.CstTest.xml')
if (!report.isFile()) {
    throw new AssertionError("${basedir.name}: no Surefire report ${report}: the build ran no test")
}
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report).documentElement
def cases = suite.getElementsByTagName('testcase')
List<String> names = (0..<cases.length).collect { cases.item(it).getAttribute('name') }
List<String> expected = ['echo <hello> & "goodbye"', "it's /etc/passwd \u2713", 'root in <passwd>', 'Metadata Test']
if (names != expected) {
    throw new AssertionError("${basedir.name}: Surefire lists ${names}, not the config's names ${expected}")
}
['failures', 'errors', 'skipped'].each { attribute ->
    if (suite.getAttribute(attribute) != '0') {
        throw new AssertionError("${basedir.name}: ${attribute}=${suite.getAttribute(attribute)} in ${report}")
    }
}
println "${basedir.name}: Surefire lists the ${names.size()} CST tests by their names in the config"
return true
