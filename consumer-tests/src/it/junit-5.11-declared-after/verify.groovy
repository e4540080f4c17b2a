// 3 tests (one through @BuildImage, two plain) must pass on JUnit 5.11.4: declared after image-assert-junit, so only Maven's nearest-first rule decides; it must be the consumer's.
def verify = evaluate(new File(sharedDir, 'verify-consumer.groovy'))
return verify(basedir, 3, '5.11.4')
