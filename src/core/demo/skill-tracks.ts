/**
 * The kinds of developer a demo person is. Each track lists canonical skill names from
 * the built-in taxonomy (a unit test checks they resolve to themselves), core ones first:
 * a mentor is strong in the core of their track, a mentee picks a few things to grow in.
 */
export type SkillTrack = {
  name: string;
  core: readonly string[];
  extra: readonly string[];
  /** How often the track appears, relative to the others. */
  weight: number;
};

export const SKILL_TRACKS: readonly SkillTrack[] = [
  {
    name: "frontend",
    core: ["JavaScript", "TypeScript", "React", "CSS"],
    extra: ["HTML", "Next.js", "Vue.js", "Web Accessibility", "Web Performance", "Design Systems", "Testing Library", "Playwright"],
    weight: 5,
  },
  {
    name: "backend",
    core: ["Go", "Java", "Python", "PostgreSQL", "API Design"],
    extra: ["Node.js", "Spring Boot", "Django", "Kotlin", "REST APIs", "Apache Kafka", "Redis", "Microservices", "Distributed Systems"],
    weight: 5,
  },
  {
    name: "full-stack",
    core: ["TypeScript", "Node.js", "React", "SQL"],
    extra: ["Ruby on Rails", "GraphQL", "Docker", "PostgreSQL", "Full-Stack Development", "Laravel", "PHP"],
    weight: 4,
  },
  {
    name: "mobile",
    core: ["Mobile Development", "Kotlin", "Swift"],
    extra: ["Android Development", "iOS Development", "Jetpack Compose", "SwiftUI", "Flutter", "React Native", "App Store Publishing"],
    weight: 2,
  },
  {
    name: "data",
    core: ["SQL", "Python", "Data Engineering", "Database Design"],
    extra: ["Apache Spark", "Apache Airflow", "dbt", "Snowflake", "Data Warehousing", "pandas", "Data Visualization", "Statistics"],
    weight: 3,
  },
  {
    name: "machine learning",
    core: ["Machine Learning", "Python", "PyTorch"],
    extra: ["MLOps", "Natural Language Processing", "Large Language Models", "scikit-learn", "Feature Engineering", "Model Evaluation"],
    weight: 2,
  },
  {
    name: "platform",
    core: ["Kubernetes", "Terraform", "AWS", "CI/CD"],
    extra: ["Docker", "Linux", "Observability", "Site Reliability Engineering", "Incident Management", "GitHub Actions", "Google Cloud"],
    weight: 3,
  },
  {
    name: "security",
    core: ["Application Security", "Threat Modeling", "Cloud Security"],
    extra: ["OWASP Top 10", "Penetration Testing", "Authentication & Authorization", "DevSecOps", "Cryptography", "Zero Trust"],
    weight: 1,
  },
  {
    name: "quality",
    core: ["Test Automation", "Test Strategy", "Playwright"],
    extra: ["Test-Driven Development", "Performance Testing", "Contract Testing", "Cypress", "Quality Assurance", "Accessibility Testing"],
    weight: 1,
  },
];

/** Growth areas that cut across tracks: what people most often bring to a mentor besides code. */
export const CAREER_SKILLS: readonly string[] = [
  "Career Growth",
  "Technical Leadership",
  "Public Speaking",
  "Technical Writing",
  "Code Review",
  "System Design",
  "Giving and Receiving Feedback",
  "Interview Preparation",
  "Impostor Syndrome",
  "Stakeholder Management",
  "Engineering Management",
  "Time Management",
  "Open Source",
  "Negotiation",
  "Career Change",
];
