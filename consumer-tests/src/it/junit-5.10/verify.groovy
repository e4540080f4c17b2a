// 3 tests (one through @BuildImage, two plain) must pass on JUnit 5.10.3: the oldest JUnit line the docs promise, chosen with junit-bom.
def verify = evaluate(new File(sharedDir, 'verify-consumer.groovy'))
return verify(basedir, 3, '5.10.3')
