// 3 tests (one through @BuildImage, two plain) must pass on JUnit 5.12.2: the version spring-boot-starter-parent 3.5.7 manages.
def verify = evaluate(new File(sharedDir, 'verify-consumer.groovy'))
return verify(basedir, 3, '5.12.2')
