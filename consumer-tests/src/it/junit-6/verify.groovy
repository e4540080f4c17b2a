// 3 tests (one through @BuildImage, two plain) must pass on JUnit 6.1.3: JUnit 6, chosen with junit-bom.
def verify = evaluate(new File(sharedDir, 'verify-consumer.groovy'))
return verify(basedir, 3, '6.1.3')
