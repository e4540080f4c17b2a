// 3 tests (one through @BuildImage, two plain) must pass on JUnit 5.14.4: the consumer's, declared before image-assert-junit.
def verify = evaluate(new File(sharedDir, 'verify-consumer.groovy'))
return verify(basedir, 3, '5.14.4')
